package org.guardian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.guardian.GuardianTest;
import org.guardian.WebSession;
import org.guardian.people.Area;
import org.guardian.people.Areas;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every figure of the dashboard, asserted against a village with a known data set. */
@GuardianTest
class DashboardFiguresTest {

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired Areas areas;
  @Autowired NationalExport nationalExport;
  @Autowired ObjectMapper json;

  DashboardFixture f;

  @BeforeEach
  void fixture() {
    f = new DashboardFixture(rest, engine, jdbc, areas);
  }

  static long count(JsonNode list, String key) {
    for (JsonNode n : list) {
      if (n.path("key").asText().equals(key)) {
        return n.path("count").asLong();
      }
    }
    throw new AssertionError("no " + key + " in " + list);
  }

  static JsonNode byKind(JsonNode list, String field, String value) {
    for (JsonNode n : list) {
      if (n.path(field).asText().equals(value)) {
        return n;
      }
    }
    throw new AssertionError("no " + value + " in " + list);
  }

  @Test
  void everyFigureOfAVillageMatchesItsKnownDataSet() {
    WebSession sup = WebSession.signedIn(port, "sup-109");
    JsonNode s = sup.json("/dashboard/api/summary?area=" + f.village, 200);

    assertThat(s.path("areaCode").asText()).isEqualTo(f.village);
    assertThat(s.path("level").asText()).isEqualTo("VILLAGE");
    assertThat(s.path("periodDays").asInt()).isEqualTo(30);

    // children: 3 monitored (D's monitoring ended), 4 registered
    assertThat(s.path("monitoredChildren").asLong()).isEqualTo(3);
    assertThat(count(s.path("monitoredByCategory"), "LEFT_BEHIND")).isEqualTo(3);
    assertThat(count(s.path("monitoredByCategory"), "MIGRANT")).isEqualTo(1);
    assertThat(count(s.path("monitoredByCategory"), "SINGLE_PARENT")).isEqualTo(1);
    assertThat(count(s.path("monitoredByCategory"), "SCATTERED_ORPHAN")).isZero();
    assertThat(count(s.path("registeredByCategory"), "LEFT_BEHIND")).isEqualTo(4);

    // risk: A yellow (was red 30 days ago), B red; C's green is not confirmed
    JsonNode risk = s.path("riskByArea");
    assertThat(risk).hasSize(1);
    assertThat(risk.get(0).path("now").path("red").asLong()).isEqualTo(1);
    assertThat(risk.get(0).path("now").path("yellow").asLong()).isEqualTo(1);
    assertThat(risk.get(0).path("now").path("green").asLong()).isZero();
    assertThat(risk.get(0).path("change").path("red").asLong()).isZero();
    assertThat(risk.get(0).path("change").path("yellow").asLong()).isEqualTo(1);

    // cases per stage: Z at triage, X with assistance; Y closed in the period
    assertThat(count(s.path("casesByStage"), "TRIAGE")).isEqualTo(1);
    assertThat(count(s.path("casesByStage"), "ASSISTANCE")).isEqualTo(1);
    assertThat(count(s.path("casesByStage"), "REPORT")).isZero();
    assertThat(count(s.path("casesByStage"), "ASSESSMENT")).isZero();
    assertThat(count(s.path("casesByStage"), "INTERVENTION")).isZero();
    // W: closed, its instance still running (return visits)
    assertThat(count(s.path("casesByStage"), "CLOSURE")).isEqualTo(1);
    assertThat(s.path("casesClosedInPeriod").asLong()).isEqualTo(1);

    // overdue work
    JsonNode visits = byKind(s.path("overdue"), "kind", "visits");
    assertThat(visits.path("count").asLong()).isEqualTo(1);
    assertThat(byKind(s.path("overdue"), "kind", "triage").path("count").asLong()).isEqualTo(1);
    assertThat(byKind(s.path("overdue"), "kind", "referrals").path("count").asLong()).isZero();
    assertThat(byKind(s.path("overdue"), "kind", "orders").path("count").asLong()).isEqualTo(1);
    // D's file review
    assertThat(byKind(s.path("overdue"), "kind", "other").path("count").asLong()).isEqualTo(1);

    // acceptance: Z's report and one other in time, one 30 h late
    assertThat(s.path("acceptance").path("numerator").asLong()).isEqualTo(2);
    assertThat(s.path("acceptance").path("denominator").asLong()).isEqualTo(3);
    assertThat(s.path("acceptance").path("percent").asDouble()).isEqualTo(66.7);
    // completion: Y closed / X, Y, Z opened
    assertThat(s.path("completion").path("numerator").asLong()).isEqualTo(1);
    assertThat(s.path("completion").path("denominator").asLong()).isEqualTo(3);
    assertThat(s.path("completion").path("percent").asDouble()).isEqualTo(33.3);

    // medians: report→triage 24 h (X, Y); triage→hand-over 96 h (X) and 24 h (Y);
    // hand-over→closure 96 h (Y); whole case 144 h (Y)
    JsonNode medians = s.path("medianTimes");
    assertThat(byKind(medians, "stage", "report-to-triage").path("medianHours").asDouble())
        .isEqualTo(24.0);
    assertThat(byKind(medians, "stage", "report-to-triage").path("cases").asLong()).isEqualTo(2);
    assertThat(byKind(medians, "stage", "triage-to-handover").path("medianHours").asDouble())
        .isEqualTo(60.0);
    assertThat(byKind(medians, "stage", "handover-to-closure").path("medianHours").asDouble())
        .isEqualTo(96.0);
    assertThat(byKind(medians, "stage", "report-to-closure").path("medianHours").asDouble())
        .isEqualTo(144.0);

    assertThat(s.path("temporaryGuardianship").asLong()).isEqualTo(1);
    // D in long-term guardianship; C's was followed by a restoration
    assertThat(s.path("longTermGuardianship").asLong()).isEqualTo(1);
    JsonNode orders = s.path("orders");
    assertThat(count(orders.path("issuedInPeriod"), "LONG_TERM_GUARDIANSHIP")).isEqualTo(1);
    assertThat(count(orders.path("issuedInPeriod"), "RESTORATION")).isEqualTo(1);
    assertThat(count(orders.path("issuedInPeriod"), "SUPERVISION_ORDER")).isEqualTo(1);
    assertThat(count(orders.path("issuedInPeriod"), "PROTECTION_ORDER")).isEqualTo(1);
    assertThat(count(orders.path("issuedInPeriod"), "ADMONITION")).isZero();
    assertThat(count(orders.path("issuedInPeriod"), "REVOCATION")).isZero();
    assertThat(orders.path("courtApplicationsPending").asLong()).isEqualTo(1);
    assertThat(orders.path("protectionOrdersInForce").asLong()).isEqualTo(1);
    // visits of the period with a due day: A on time, B late
    assertThat(s.path("visitsOnTime").path("numerator").asLong()).isEqualTo(1);
    assertThat(s.path("visitsOnTime").path("denominator").asLong()).isEqualTo(2);
    assertThat(s.path("visitsOnTime").path("percent").asDouble()).isEqualTo(50.0);
    // files: A and B reviewed of 4
    assertThat(s.path("filesReviewed").path("numerator").asLong()).isEqualTo(2);
    assertThat(s.path("filesReviewed").path("denominator").asLong()).isEqualTo(4);
    assertThat(s.path("subAreas")).isEmpty();
  }

  @Test
  void eachFigureLeadsToTheListBehindIt() {
    WebSession sup = WebSession.signedIn(port, "sup-109");
    String a = "?area=" + f.village;

    JsonNode children = sup.json("/dashboard/api/list/children" + a + "&category=LEFT_BEHIND",
        200);
    assertThat(ids(children, 0)).containsExactlyInAnyOrder(
        String.valueOf(f.childA), String.valueOf(f.childB), String.valueOf(f.childC));
    assertThat(children.path("rows").get(0).get(1).path("text").asText()).contains("*");

    JsonNode red = sup.json("/dashboard/api/list/risk" + a + "&colour=red", 200);
    assertThat(ids(red, 0)).containsExactly(String.valueOf(f.childB));

    JsonNode triage = sup.json("/dashboard/api/list/cases" + a + "&stage=TRIAGE", 200);
    assertThat(ids(triage, 0)).containsExactly(f.caseZ);
    assertThat(triage.path("rows").get(0).get(0).path("href").asText())
        .isEqualTo("/camunda/app/cockpit/default/#/process-instance/" + f.caseZInstance);

    JsonNode closed = sup.json("/dashboard/api/list/cases" + a + "&period=closed", 200);
    assertThat(ids(closed, 0)).containsExactly(f.caseY);
    JsonNode opened = sup.json("/dashboard/api/list/cases" + a + "&period=opened", 200);
    assertThat(ids(opened, 0)).containsExactlyInAnyOrder(f.caseX, f.caseY, f.caseZ);

    JsonNode visits = sup.json("/dashboard/api/list/tasks" + a + "&kind=visits", 200);
    assertThat(visits.path("rows")).hasSize(1);
    assertThat(visits.path("rows").get(0).get(3).path("text").asText())
        .isEqualTo("child-director@" + f.village);
    JsonNode overdueTriage = sup.json("/dashboard/api/list/tasks" + a + "&kind=triage", 200);
    assertThat(overdueTriage.path("rows")).hasSize(1);
    assertThat(overdueTriage.path("rows").get(0).get(0).path("href").asText())
        .endsWith(f.caseZInstance);

    assertThat(sup.json("/dashboard/api/list/late-reports" + a, 200).path("rows")).hasSize(1);
    JsonNode temporary = sup.json("/dashboard/api/list/temporary-guardianship" + a, 200);
    assertThat(ids(temporary, 1)).containsExactly(String.valueOf(f.childC));

    JsonNode returnVisits = sup.json("/dashboard/api/list/cases" + a + "&stage=CLOSURE", 200);
    assertThat(ids(returnVisits, 0)).containsExactly(f.caseW);

    JsonNode overdueOrders = sup.json("/dashboard/api/list/tasks" + a + "&kind=orders", 200);
    assertThat(overdueOrders.path("rows")).hasSize(1);
    assertThat(overdueOrders.path("rows").get(0).get(0).path("href").asText())
        .endsWith(f.interventionInstance);
    assertThat(overdueOrders.path("rows").get(0).get(3).path("text").asText())
        .isEqualTo("legal-officer@371330");
    JsonNode other = sup.json("/dashboard/api/list/tasks" + a + "&kind=other", 200);
    assertThat(other.path("rows")).hasSize(1);
    assertThat(other.path("rows").get(0).get(3).path("text").asText())
        .isEqualTo("child-supervisor@" + DashboardFixture.TOWNSHIP);
    assertThat(sup.json("/dashboard/api/list/tasks" + a + "&kind=referrals", 200).path("rows"))
        .isEmpty();
    sup.json("/dashboard/api/list/tasks" + a + "&kind=everything", 400);

    JsonNode longTerm = sup.json("/dashboard/api/list/long-term-guardianship" + a, 200);
    assertThat(ids(longTerm, 1)).containsExactly(String.valueOf(f.childD));
    JsonNode pending = sup.json("/dashboard/api/list/orders" + a + "&status=APPLIED", 200);
    assertThat(ids(pending, 1)).containsExactly(String.valueOf(f.childB));
    assertThat(pending.path("rows").get(0).get(0).path("text").asText()).isEqualTo(f.caseX);
    JsonNode inForce = sup.json("/dashboard/api/list/orders" + a + "&status=GRANTED", 200);
    assertThat(ids(inForce, 1)).containsExactly(String.valueOf(f.childB));
    JsonNode supervision = sup.json("/dashboard/api/list/orders" + a
        + "&kind=SUPERVISION_ORDER", 200);
    assertThat(ids(supervision, 1)).containsExactly(String.valueOf(f.childA));
    assertThat(sup.json("/dashboard/api/list/orders" + a + "&kind=ADMONITION", 200)
        .path("rows")).isEmpty();
    assertThat(ids(sup.json("/dashboard/api/list/orders" + a + "&kind=ADMONITION&days=60", 200),
        1)).containsExactly(String.valueOf(f.childA));
    sup.json("/dashboard/api/list/orders" + a + "&kind=PARKING_TICKET", 400);

    // behind the medians: X and Y were handed over in the period (96 h and 24 h)
    JsonNode handover = sup.json("/dashboard/api/list/stage-times" + a
        + "&span=triage-to-handover", 200);
    assertThat(ids(handover, 0)).containsExactlyInAnyOrder(f.caseX, f.caseY);
    assertThat(ids(handover, 4)).containsExactlyInAnyOrder("96.0", "24.0");
    JsonNode whole = sup.json("/dashboard/api/list/stage-times" + a + "&span=report-to-closure",
        200);
    assertThat(ids(whole, 0)).containsExactly(f.caseY);
    assertThat(ids(whole, 4)).containsExactly("144.0");
    sup.json("/dashboard/api/list/stage-times" + a + "&span=forever", 400);

    JsonNode lateVisits = sup.json("/dashboard/api/list/late-visits" + a, 200);
    assertThat(ids(lateVisits, 0)).containsExactly(String.valueOf(f.childB));
    JsonNode pendingFiles = sup.json("/dashboard/api/list/children" + a
        + "&monitored=false&fileStatus=PENDING_REVIEW", 200);
    assertThat(ids(pendingFiles, 0)).containsExactly(String.valueOf(f.childD));

    HttpResponse<String> page = sup.get("/dashboard/list/cases" + a + "&stage=TRIAGE");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("研判", f.caseZ,
        "/camunda/app/cockpit/default/#/process-instance/" + f.caseZInstance);
  }

  @Test
  void monthlyStatisticsOfTheVillageAreDownloadedAsCsv() throws Exception {
    java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
    java.time.YearMonth month = java.time.YearMonth.from(f.at.atZone(zone));
    java.util.function.IntPredicate inMonth = daysAgo -> java.time.YearMonth.from(
        f.at.minus(java.time.Duration.ofDays(daysAgo)).atZone(zone)).equals(month);
    int reports = 1 + (inMonth.test(5) ? 1 : 0) + (inMonth.test(2) ? 1 : 0);
    int reportsInTime = 1 + (inMonth.test(2) ? 1 : 0);
    int opened = 1 + (inMonth.test(10) ? 1 : 0) + (inMonth.test(8) ? 1 : 0);
    int closed = inMonth.test(2) ? 1 : 0;
    // C's active one 3 days ago, A's ended one 20 days ago
    int temporaryStarted = (inMonth.test(3) ? 1 : 0) + (inMonth.test(20) ? 1 : 0);

    WebSession sup = WebSession.signedIn(port, "sup-109");
    HttpResponse<String> csv = sup.get("/dashboard/export/monthly.csv?area=" + f.village
        + "&month=" + month);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
        .contains("attachment", "monthly-" + f.village + "-" + month + ".csv");
    List<org.apache.commons.csv.CSVRecord> records = org.apache.commons.csv.CSVFormat.DEFAULT
        .builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new java.io.StringReader(csv.body().replace("\ufeff", ""))).getRecords();
    assertThat(records).hasSize(1);
    var row = records.get(0);
    assertThat(row.get("地区代码")).isEqualTo(f.village);
    assertThat(row.get("登记儿童")).isEqualTo("4");
    assertThat(row.get("监测中儿童")).isEqualTo("3");
    assertThat(row.get("接报数")).isEqualTo(String.valueOf(reports));
    assertThat(row.get("按时受理数")).isEqualTo(String.valueOf(reportsInTime));
    assertThat(row.get("立案数")).isEqualTo(String.valueOf(opened));
    assertThat(row.get("结案数")).isEqualTo(String.valueOf(closed));
    assertThat(row.get("当前逾期走访")).isEqualTo("1");
    assertThat(row.get("红色")).isEqualTo("1");
    assertThat(row.get("黄色")).isEqualTo("1");
    assertThat(row.get("绿色")).isEqualTo("0");
    assertThat(row.get("新增临时监护")).isEqualTo(String.valueOf(temporaryStarted));
    assertThat(row.get("临时监护中")).isEqualTo("1");

    long exported = jdbc.queryForObject("select count(*) from audit_event where action = "
        + "'STATISTICS_EXPORTED' and area_code = ?", Long.class, f.village);
    assertThat(exported).isEqualTo(1);

    HttpResponse<String> township = sup.get("/dashboard/export/annual.csv");
    assertThat(township.statusCode()).isEqualTo(200);
    assertThat(township.body()).contains(f.village, "371330109", "（合计）");
    assertThat(sup.get("/dashboard/export/monthly.csv?month=2026-13").statusCode())
        .isEqualTo(400);
    assertThat(WebSession.signedIn(port, "sup-101")
        .get("/dashboard/export/monthly.csv?area=" + f.village).statusCode()).isEqualTo(404);
    assertThat(WebSession.signedIn(port, "director-101201")
        .get("/dashboard/export/annual.csv").statusCode()).isEqualTo(403);
  }

  @Test
  void theCountyCentreExportsTheVillagesFilesForTheNationalSystemEachAudited() {
    WebSession centre = WebSession.signedIn(port, "centre");
    JsonNode export = centre.json("/dashboard/export/national.json?area=" + f.village, 200);
    assertThat(export.path("layout").asText()).isEqualTo("guardian-national-export/2");
    assertThat(export.path("count").asInt()).isEqualTo(4);
    List<Long> ids = new ArrayList<>();
    export.path("children").forEach(c -> ids.add(c.path("fileId").asLong()));
    assertThat(ids).containsExactlyInAnyOrder(f.childA, f.childB, f.childC, f.childD);
    for (JsonNode c : export.path("children")) {
      assertThat(c.path("idNumber").asText()).hasSize(18);
      assertThat(c.path("area").path("villageCode").asText()).isEqualTo(f.village);
      assertThat(c.path("area").path("villageName").asText()).startsWith("看板测试村");
      assertThat(c.path("area").path("townshipCode").asText()).isEqualTo("371330109");
      assertThat(c.path("area").path("countyCode").asText()).isEqualTo("371330");
      assertThat(c.path("area").path("countyName").asText()).isNotBlank();
      assertThat(c.path("sex").path("code").asText()).isIn("1", "2");
      assertThat(c.path("guardians")).isNotEmpty();
      for (JsonNode g : c.path("guardians")) {
        assertThat(g.path("relationship").path("code").asText()).isIn("51", "52", "60", "70",
            "97", "99");
        assertThat(g.path("capacity").path("name").asText()).contains("监护能力");
      }
      assertThat(c.path("fileStatus").path("name").asText()).isIn("待审核", "退回补正", "已审核");
      assertThat(c.toString()).doesNotContain("LEFT_BEHIND", "FATHER", "MOTHER", "\"red\"",
          "PENDING_REVIEW", "REVIEWED");
      if (c.path("fileId").asLong() == f.childB) {
        assertThat(c.path("categories").findValuesAsText("name"))
            .containsExactlyInAnyOrder("农村留守儿童", "流动儿童");
        assertThat(c.path("riskLevel").path("name").asText()).isEqualTo("极危（红色）");
        assertThat(c.path("interventionOrders").findValuesAsText("name"))
            .contains("人身安全保护令", "已申请待裁定", "已准予");
      }
      if (c.path("fileId").asLong() == f.childA) {
        assertThat(c.path("riskLevel").path("name").asText()).isEqualTo("中危（黄色）");
      }
      if (c.path("fileId").asLong() == f.childD) {
        assertThat(c.path("interventionOrders").get(0).path("kind").path("name").asText())
            .isEqualTo("民政部门长期监护");
        assertThat(c.path("interventionOrders").get(0).path("status").path("name").asText())
            .isEqualTo("生效中");
      }
    }
    assertThat(jdbc.queryForObject("select count(*) from audit_event where action = "
        + "'CHILD_EXPORTED' and actor = 'centre' and area_code = ?", Long.class, f.village))
        .isEqualTo(4);

    WebSession.signedIn(port, "sup-109")
        .json("/dashboard/export/national.json?area=" + f.village, 403);
  }

  /**
   * The export writes the files a chunk at a time as it reads them: read one file at a time they
   * come out the same as read in one chunk, and as the county centre downloads them.
   */
  @Test
  void theNationalExportWritesTheSameFilesWhateverItsChunks() throws Exception {
    Area village = areas.find(f.village).orElseThrow();
    long[] ids = jdbc.queryForList("select id from child where village_code = ? order by id",
        Long.class, f.village).stream().mapToLong(Long::longValue).toArray();
    JsonNode byOne = written(village, ids, 1);
    JsonNode whole = written(village, ids, NationalExport.CHUNK);
    JsonNode downloaded = withoutTime(WebSession.signedIn(port, "centre")
        .json("/dashboard/export/national.json?area=" + f.village, 200));
    assertThat(byOne.path("count").asInt()).isEqualTo(4);
    assertThat(byOne.path("children")).hasSize(4);
    assertThat(byOne).isEqualTo(whole).isEqualTo(downloaded);
  }

  private JsonNode written(Area area, long[] ids, int chunk) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator out = json.createGenerator(bytes)) {
      nationalExport.write(area, ids, out, chunk);
    }
    return withoutTime(json.readTree(bytes.toByteArray()));
  }

  private static JsonNode withoutTime(JsonNode export) {
    ((ObjectNode) export).remove("exportedAt");
    return export;
  }

  static List<String> ids(JsonNode list, int column) {
    List<String> ids = new ArrayList<>();
    list.path("rows").forEach(r -> ids.add(r.get(column).path("text").asText()));
    return ids;
  }

  @Test
  void theTownshipSeesItsVillagesAndDrillsDownToThem() {
    WebSession sup = WebSession.signedIn(port, "sup-109");
    JsonNode s = sup.json("/dashboard/api/summary", 200);
    assertThat(s.path("areaCode").asText()).isEqualTo(DashboardFixture.TOWNSHIP);
    JsonNode village = byKind(s.path("subAreas"), "code", f.village);
    assertThat(village.path("children").asLong()).isEqualTo(4);
    assertThat(village.path("openCases").asLong()).isEqualTo(2);
    assertThat(village.path("red").asLong()).isEqualTo(1);
    JsonNode risk = byKind(s.path("riskByArea"), "areaCode", f.village);
    assertThat(risk.path("now").path("yellow").asLong()).isEqualTo(1);

    HttpResponse<String> page = sup.get("/dashboard");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("督导看板", "风险等级分布", "逾期工作", "办结率",
        "/dashboard?area=" + f.village, "chart.umd.js");
    assertThat(sup.get("/webjars/chart.js/4.4.1/dist/chart.umd.js").statusCode())
        .isEqualTo(200);

    HttpResponse<String> villagePage = sup.get("/dashboard?area=" + f.village);
    assertThat(villagePage.statusCode()).isEqualTo(200);
    assertThat(villagePage.body()).contains("长期监护中", "监护干预措施", "待法院裁定的申请",
        "走访按时率", "档案已审核", "报表下载",
        "/dashboard/export/monthly.xlsx?area=" + f.village,
        "/dashboard/export/annual.pdf?area=" + f.village,
        "/dashboard/list/long-term-guardianship?area=" + f.village,
        "/dashboard/list/orders?area=" + f.village + "&amp;status=APPLIED")
        .doesNotContain("national.json");
    assertThat(WebSession.signedIn(port, "centre").get("/dashboard?area=" + f.village).body())
        .contains("/dashboard/export/national.json?area=" + f.village);
    assertThat(villagePage.body()).contains("本村在办案件", f.caseZ,
        "#/process-instance/" + f.caseZInstance);
    // the risk table of the page shows the same numbers as the API, each linking to its list
    assertThat(villagePage.body().replaceAll("\\s+", " "))
        .contains("colour=red\">1</a>")
        .contains("colour=yellow\">1</a> <span class=\"delta\">↑1</span>")
        .contains("colour=green\">0</a>");
  }

  @Test
  void viewersSeeOnlyTheirOwnAreaAndOtherRolesAreRefused() {
    WebSession other = WebSession.signedIn(port, "sup-101");
    assertThat(other.json("/dashboard/api/summary", 200).path("areaCode").asText())
        .isEqualTo("371330101");
    other.json("/dashboard/api/summary?area=" + f.village, 404);
    other.json("/dashboard/api/summary?area=371330", 404);
    other.json("/dashboard/api/list/cases?area=" + f.village + "&stage=TRIAGE", 404);

    WebSession county = WebSession.signedIn(port, "centre");
    JsonNode c = county.json("/dashboard/api/summary?area=" + f.village, 200);
    assertThat(c.path("monitoredChildren").asLong()).isEqualTo(3);
    assertThat(county.json("/dashboard/api/summary", 200).path("areaCode").asText())
        .isEqualTo("371330");
    WebSession chief = WebSession.signedIn(port, "chief-109");
    chief.json("/dashboard/api/summary?area=" + f.village, 200);

    for (String user : List.of("director-101201", "csup-109", "policy")) {
      WebSession refused = WebSession.signedIn(port, user);
      refused.json("/dashboard/api/summary", 403);
      assertThat(refused.get("/dashboard").statusCode()).isEqualTo(403);
    }

    WebSession sup = WebSession.signedIn(port, "sup-109");
    sup.json("/dashboard/api/summary?area=" + f.village + "&days=0", 400);
    sup.json("/dashboard/api/list/risk?area=" + f.village + "&colour=purple", 400);
    assertThat(sup.request("POST", "/dashboard/api/summary").statusCode()).isIn(403, 405);
    assertThat(sup.request("DELETE", "/dashboard/api/summary").statusCode()).isIn(403, 405);
  }

  @Test
  void viewsOfTheDashboardAndItsListsAreAudited() {
    WebSession sup = WebSession.signedIn(port, "sup-109");
    long before = audits("DASHBOARD_VIEWED") + audits("DASHBOARD_LIST_VIEWED");
    sup.json("/dashboard/api/summary?area=" + f.village, 200);
    sup.json("/dashboard/api/list/risk?area=" + f.village + "&colour=red", 200);
    assertThat(audits("DASHBOARD_VIEWED") + audits("DASHBOARD_LIST_VIEWED"))
        .isEqualTo(before + 2);
    assertThat(jdbc.queryForObject("select detail from audit_event where action = "
        + "'DASHBOARD_LIST_VIEWED' and area_code = ? and actor = 'sup-109' order by id desc "
        + "fetch first 1 rows only", String.class, f.village)).isEqualTo("list=risk rows=1");
    long denied = audits("DASHBOARD_ACCESS_DENIED");
    WebSession.signedIn(port, "director-101201").json("/dashboard/api/summary", 403);
    assertThat(audits("DASHBOARD_ACCESS_DENIED")).isEqualTo(denied + 1);
  }

  long audits(String action) {
    return jdbc.queryForObject("select count(*) from audit_event where action = ? and area_code "
        + "is not distinct from ?", Long.class, action,
        action.equals("DASHBOARD_ACCESS_DENIED") ? null : f.village);
  }
}
