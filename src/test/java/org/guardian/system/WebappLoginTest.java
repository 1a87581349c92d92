package org.guardian.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guardian.GuardianTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * People sign in once, on Guardian's login page, and the Camunda webapps take them from the
 * session: no second login, the webapps see the person's groups and applications.
 */
@GuardianTest
class WebappLoginTest {

  @LocalServerPort int port;

  final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();

  HttpResponse<String> get(String path) throws Exception {
    return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8")
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String form, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  void login(String user, String password) throws Exception {
    HttpResponse<String> page = get("/login");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("登录", "用户名", "密码");
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(csrf.find()).as("CSRF token on the login form").isTrue();
    HttpResponse<String> result = post("/login", "username=" + user + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1));
    assertThat(result.statusCode()).isEqualTo(302);
  }

  @Test
  void theWebappsRedirectToTheLoginPageUntilSignedIn() throws Exception {
    HttpResponse<String> r = get("/camunda/app/tasklist/default/");
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location")).hasValueSatisfying(
        l -> assertThat(l).endsWith("/login"));
  }

  @Test
  void aWrongPasswordStaysOnTheLoginPage() throws Exception {
    HttpResponse<String> page = get("/login");
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(csrf.find()).isTrue();
    HttpResponse<String> result = post("/login",
        "username=sup-202&password=nope&_csrf=" + csrf.group(1));
    assertThat(result.headers().firstValue("Location")).hasValueSatisfying(
        l -> assertThat(l).contains("/login?error"));
    assertThat(get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(302);
  }

  @Test
  void oneLoginServesTasklistWithThePersonsGroups() throws Exception {
    login("csup-101", "demo");

    HttpResponse<String> home = get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("csup-101", "儿童督导员", "任务清单");

    HttpResponse<String> tasklist = get("/camunda/app/tasklist/default/");
    assertThat(tasklist.statusCode()).isEqualTo(200);
    assertThat(tasklist.body()).contains("<html");

    HttpResponse<String> auth = get("/camunda/api/admin/auth/user/default");
    assertThat(auth.statusCode()).isEqualTo(200);
    assertThat(auth.body()).contains("\"userId\":\"csup-101\"").contains("\"tasklist\"")
        .doesNotContain("\"cockpit\"").doesNotContain("\"admin\"");
  }

  @Test
  void theWebappsHideTheCamunda8MigrationBanner() throws Exception {
    login("csup-101", "demo");
    for (String app : new String[] {"tasklist", "cockpit", "admin", "welcome"}) {
      HttpResponse<String> css = get("/camunda/app/" + app + "/styles/user-styles.css");
      assertThat(css.statusCode()).isEqualTo(200);
      assertThat(css.body().replaceAll("\\s+", " "))
          .contains(".ce-eol-banner { display: none !important; }");
    }
  }

  @Test
  void supervisorsGetCockpitAndAdministratorsGetAdmin() throws Exception {
    login("supervisor", "demo");
    assertThat(get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
    assertThat(get("/camunda/api/admin/auth/user/default").body()).contains("\"cockpit\"")
        .doesNotContain("\"admin\"");
  }

  @Test
  void loggingOutOfTheWebappsEndsTheSession() throws Exception {
    login("demo", "demo");
    assertThat(get("/camunda/app/admin/default/").statusCode()).isEqualTo(200);
    HttpResponse<String> auth = get("/camunda/api/admin/auth/user/default");
    assertThat(auth.body()).contains("\"userId\":\"demo\"", "\"admin\"", "\"cockpit\"",
        "\"tasklist\"");

    // the webapps send their CSRF token with a header; take it from their cookie or response
    HttpResponse<String> app = get("/camunda/app/tasklist/default/");
    String token = app.headers().firstValue("X-XSRF-TOKEN").orElse(null);
    HttpResponse<String> out = token == null
        ? post("/camunda/api/admin/auth/user/default/logout", "")
        : post("/camunda/api/admin/auth/user/default/logout", "", "X-XSRF-TOKEN", token);
    assertThat(out.statusCode()).as(out.headers().map() + " " + out.body()).isEqualTo(200);

    assertThat(get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(302);
  }
}
