package org.guardian.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.guardian.GuardianTest;
import org.guardian.TestChildren;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The public report page {@code /report}: no login, Chinese, CSRF-protected, rate-limited per
 * client address, anonymous reports allowed, a confirmation with the report number.
 */
@GuardianTest
class PublicReportPageTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired PublicReportRateLimit limit;

  TestRestTemplate browser;
  CaseFixtures fixtures;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    browser = rest.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
    fixtures = new CaseFixtures(rest, engine);
  }

  /** A browser session from one client address: the form's CSRF token and the session cookie. */
  /** Client addresses handed out one after the other, from a random start (198.18.0.0/15). */
  static final java.util.concurrent.atomic.AtomicInteger ADDRESSES =
      new java.util.concurrent.atomic.AtomicInteger(ThreadLocalRandom.current().nextInt(50_000));

  final class Visitor {
    final String address;
    String cookie;
    String token;

    Visitor() {
      // a client address of its own: the limit counts per address for the whole test run, so two
      // visitors sharing one (254 random choices before) made the limit test fail now and then
      int n = ADDRESSES.getAndIncrement();
      this.address = "198.18." + (n / 254 % 254) + "." + (n % 254 + 1) + ","
          + "10.0.0." + ThreadLocalRandom.current().nextInt(1, 255);
    }

    HttpHeaders headers() {
      HttpHeaders h = new HttpHeaders();
      h.set("X-Forwarded-For", address);
      if (cookie != null) {
        h.set(HttpHeaders.COOKIE, cookie);
      }
      return h;
    }

    ResponseEntity<String> open() {
      ResponseEntity<String> page = browser.exchange("/report", HttpMethod.GET,
          new HttpEntity<>(headers()), String.class);
      List<String> set = page.getHeaders().get(HttpHeaders.SET_COOKIE);
      if (set != null) {
        cookie = set.get(0).split(";", 2)[0];
      }
      Matcher m = CSRF.matcher(page.getBody());
      token = m.find() ? m.group(1) : null;
      return page;
    }

    ResponseEntity<String> submit(Map<String, String> fields, boolean withToken) {
      MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
      fields.forEach(form::add);
      if (withToken) {
        form.add("_csrf", token);
      }
      HttpHeaders h = headers();
      h.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
      return browser.exchange("/report", HttpMethod.POST, new HttpEntity<>(form, h),
          String.class);
    }

    ResponseEntity<String> get(String path) {
      return browser.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), String.class);
    }
  }

  static Map<String, String> validForm() {
    return Map.of("childName", "小花", "childAge", "7", "area", TestChildren.VILLAGE_102201,
        "location", "村东头小卖部", "noAdultCare", "true", "neglect", "true",
        "description", "孩子最近一周每天晚上都在小卖部门口待到很晚，说家里没有大人。",
        "anonymous", "true", "reporterName", "不想留名", "reporterPhone", "13100000000");
  }

  long storedReports() {
    return jdbc.queryForObject("select count(*) from report", Long.class);
  }

  @Test
  void formIsInChineseCarriesACsrfTokenAndNeedsNoLogin() {
    Visitor v = new Visitor();
    ResponseEntity<String> page = v.open();

    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("报告儿童受侵害或面临危险", "可以匿名报告", "110",
        "青溪镇 东庄村", "提交报告");
    assertThat(v.token).isNotBlank();
  }

  @Test
  void anonymousReportIsStoredAcknowledgedAndConfirmedWithItsNumber() {
    Visitor v = new Visitor();
    v.open();

    ResponseEntity<String> posted = v.submit(validForm(), true);

    assertThat(posted.getStatusCode().value()).as(posted.getBody()).isEqualTo(302);
    assertThat(posted.getHeaders().getLocation().getPath()).isEqualTo("/report/received");
    ResponseEntity<String> confirmation = v.get("/report/received");
    assertThat(confirmation.getStatusCode().value()).isEqualTo(200);
    Matcher number = Pattern.compile("id=\"report-number\">(RP-\\d{4}-\\d{6})<")
        .matcher(confirmation.getBody());
    assertThat(number.find()).as(confirmation.getBody()).isTrue();
    assertThat(confirmation.getBody()).contains("您的报告已提交", "受理时间");
    assertThat(v.get("/report/received").getStatusCode().value())
        .as("the confirmation is shown once").isEqualTo(302);

    var report = fixtures.read(number.group(1));
    assertThat(report.path("channel").asText()).isEqualTo("PUBLIC_PAGE");
    assertThat(report.path("reporter").path("anonymous").asBoolean()).isTrue();
    assertThat(report.path("reporter").has("name")).isFalse();
    assertThat(report.path("reporter").has("phone")).isFalse();
    assertThat(report.path("reporter").path("dutyType").asText()).isEqualTo("VOLUNTARY");
    assertThat(report.path("child").path("age").asInt()).isEqualTo(7);
    ProcessInstance pi = fixtures.caseOf(number.group(1));
    assertThat(pi).isWaitingAt(GuardianshipCase.TASK_TRIAGE).variables()
        .containsEntry("channel", "PUBLIC_PAGE").containsEntry("noAdultCare", true)
        .containsEntry("computedPriority", "immediate").containsEntry("childId", null);
    assertThat(BpmnAwareTests.task(pi)).hasCandidateGroup("station-chief@371330102");
  }

  @Test
  void reportWithoutTheCsrfTokenIsRefusedAndNotStored() {
    Visitor v = new Visitor();
    v.open();
    long before = storedReports();

    assertThat(v.submit(validForm(), false).getStatusCode().value()).isEqualTo(403);

    assertThat(storedReports()).isEqualTo(before);
  }

  @Test
  void badInputIsShownOnThePageAndNothingIsStored() {
    Visitor v = new Visitor();
    v.open();
    long before = storedReports();

    ResponseEntity<String> page = v.submit(Map.of("area", "371330999999", "description", "短",
        "childAge", "十", "anonymous", "false"), true);

    assertThat(page.getStatusCode().value()).isEqualTo(400);
    assertThat(page.getBody()).contains("请用10至2000个字描述", "不是已登记的村（社区）行政区划代码", "应为整数")
        .doesNotContain("RP-");
    assertThat(storedReports()).isEqualTo(before);
    ResponseEntity<String> noContact = v.submit(Map.of("area", TestChildren.VILLAGE_102201,
        "description", "孩子身上经常有伤，说是被父亲打的。", "anonymous", "false"), true);
    assertThat(noContact.getStatusCode().value()).isEqualTo(400);
    assertThat(noContact.getBody()).contains("不匿名时请留下联系电话");
    assertThat(storedReports()).isEqualTo(before);
  }

  @Test
  void submissionsAreLimitedPerClientAddress() {
    Visitor v = new Visitor();
    v.open();
    long before = storedReports();
    for (int i = 0; i < limit.perHour(); i++) {
      assertThat(v.submit(Map.of("area", "", "description", ""), true).getStatusCode().value())
          .isEqualTo(400);
    }

    ResponseEntity<String> limited = v.submit(validForm(), true);

    assertThat(limited.getStatusCode().value()).isEqualTo(429);
    assertThat(limited.getHeaders().getFirst("Retry-After")).isEqualTo("3600");
    assertThat(limited.getBody()).contains("提交过于频繁", "110");
    assertThat(storedReports()).as("the limited report is not stored").isEqualTo(before);
    Visitor elsewhere = new Visitor();
    elsewhere.open();
    assertThat(elsewhere.submit(validForm(), true).getStatusCode().value()).isEqualTo(302);
    assertThat(storedReports()).isEqualTo(before + 1);
  }
}
