package org.guardian.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.guardian.GuardianTest;
import org.guardian.TestChildren;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /reports/{number}}: the page the triage forms link to, for staff signed in to the webapps;
 * the same area rule as the API.
 */
@GuardianTest
class ReportPagesTest {

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;

  HttpClient signedIn(String user) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/login")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(csrf.find()).isTrue();
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf="
            + csrf.group(1))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(302);
    return browser;
  }

  HttpResponse<String> open(HttpClient browser, String path) throws Exception {
    return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void stationChiefReadsTheReportOfTheTriageAndOtherTownshipsDoNot() throws Exception {
    String number = new CaseFixtures(rest, engine).report("hospital",
        CaseFixtures.reportAboutUnknownChild(TestChildren.VILLAGE_101201, "injury"))
        .path("number").asText();

    HttpResponse<String> page = open(signedIn("chief-101"), "/reports/" + number);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("报告 " + number, "身上有多处淤青", "青溪县人民医院",
        "受伤：<span>是</span>",
        "渠道：<span>责任人报告</span>", "<span>医疗机构</span>，<span>强制报告义务</span>");

    assertThat(open(signedIn("chief-102"), "/reports/" + number).statusCode()).isEqualTo(404);
    HttpResponse<String> anonymous = open(HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER).build(), "/reports/" + number);
    assertThat(anonymous.statusCode()).isEqualTo(302);
  }
}
