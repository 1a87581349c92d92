package org.guardian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.guardian.Api;
import org.guardian.WebSession;
import org.guardian.GuardianTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Guardian's pages answer errors with a Chinese HTML page and the right status; the APIs (including
 * the dashboard's JSON) keep their RFC 7807 problem bodies.
 */
@GuardianTest
class ErrorPagesTest {

  static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;

  static void assertChinesePage(HttpResponse<String> r, int status, String title) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(r.body()).contains("<html lang=\"zh-CN\"", "儿童监护干预系统", title, "返回首页")
        .doesNotContain("Whitelabel", "Exception", "\"status\"");
  }

  @Test
  void aRoleWithoutAccessGetsAChinese403PageInTheBrowser() {
    WebSession director = WebSession.signedIn(port, "director-101201");
    HttpResponse<String> r = director.get("/dashboard", BROWSER);
    assertChinesePage(r, 403, "无权访问（403）");
    assertThat(r.body()).contains("督导看板仅向督导管理人员");
    assertChinesePage(director.get("/dashboard/export/monthly.csv", BROWSER), 403,
        "无权访问（403）");
  }

  @Test
  void anAreaOutsideTheViewersOwnAndAnUnknownPageAreChinese404Pages() {
    WebSession sup = WebSession.signedIn(port, "sup-101");
    assertChinesePage(sup.get("/dashboard?area=371330109", BROWSER), 404, "未找到（404）");
    assertChinesePage(sup.get("/dashboard/list/no-such-list", BROWSER), 404, "未找到（404）");
    assertChinesePage(sup.get("/no-such-page", BROWSER), 404, "未找到（404）");
    assertChinesePage(sup.get("/reports/RP-2020-999999", BROWSER), 404, "未找到（404）");
  }

  @Test
  void aBadParameterIsAChinese400PageNamingTheField() {
    WebSession sup = WebSession.signedIn(port, "sup-101");
    HttpResponse<String> r = sup.get("/dashboard?days=0", BROWSER);
    assertChinesePage(r, 400, "请求有误（400）");
    assertThat(r.body()).contains("<code>days</code>", "统计周期应为1至366天");
    assertChinesePage(sup.get("/dashboard?days=many", BROWSER), 400, "请求有误（400）");
    assertChinesePage(sup.get("/dashboard/list/risk?colour=purple", BROWSER), 400,
        "<code>colour</code>");
  }

  @Test
  void aFormPostWithoutItsCsrfTokenIsAChinese403PageFromTheErrorController() {
    WebSession sup = WebSession.signedIn(port, "sup-101");
    assertChinesePage(sup.request("POST", "/dashboard", BROWSER), 403, "无权访问（403）");
  }

  @Test
  void theApisKeepTheirProblemJsonEvenWhenHtmlIsAccepted() {
    WebSession sup = WebSession.signedIn(port, "sup-101");
    HttpResponse<String> summary = sup.get("/dashboard/api/summary?area=371330109", BROWSER);
    assertThat(summary.statusCode()).isEqualTo(404);
    assertThat(summary.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(summary.body()).contains("\"status\":404", "\"title\":\"未找到\"");

    HttpResponse<String> json = sup.get("/dashboard?days=0", "application/json");
    assertThat(json.statusCode()).isEqualTo(400);
    assertThat(json.body()).contains("\"errors\"", "\"field\":\"days\"");

    Api.Response api = Api.as(rest, "sup-101").get("/api/children/999999999");
    assertThat(api.status()).isEqualTo(404);
    assertThat(api.json().path("title").asText()).isEqualTo("未找到");
    Api.Response forbidden = Api.as(rest, "policy").get("/api/children?villageCode=371330101201");
    assertThat(forbidden.status()).isIn(403, 404);
    assertThat(forbidden.json().path("status").asInt()).isEqualTo(forbidden.status());
  }
}
