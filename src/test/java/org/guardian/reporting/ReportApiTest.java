package org.guardian.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.guardian.TestChildren;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /api/reports}: who may report, bad input refused field by field with nothing stored, the
 * report number returned, and reports read by the authorised staff of the area only.
 */
@GuardianTest
class ReportApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;

  CaseFixtures fixtures;

  @BeforeEach
  void init() {
    fixtures = new CaseFixtures(rest, engine);
  }

  long storedReports() {
    return jdbc.queryForObject("select count(*) from report", Long.class);
  }

  long cases() {
    return runtime.createProcessInstanceQuery().processDefinitionKey(GuardianshipCase.KEY)
        .count();
  }

  Map<String, Object> valid() {
    return CaseFixtures.reportAboutUnknownChild(TestChildren.VILLAGE_101201);
  }

  Map<String, Object> with(Consumer<Map<String, Object>> change) {
    Map<String, Object> body = valid();
    change.accept(body);
    return body;
  }

  void refused(Map<String, Object> body, String... fields) {
    long reports = storedReports();
    long open = cases();

    Api.Response r = Api.as(rest, "hospital").post("/api/reports", body);

    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.json().path("title").asText()).isEqualTo("输入有误");
    assertThat(r.errorFields()).containsExactlyInAnyOrder(fields);
    assertThat(storedReports()).as("nothing stored").isEqualTo(reports);
    assertThat(cases()).as("no case opened").isEqualTo(open);
  }

  @Test
  void reportNumberIsReturnedAndTheReportIsReadByAuthorisedStaffOfItsAreaOnly() {
    java.time.Instant started = java.time.Instant.now().minusSeconds(1);
    Api.Response created = Api.as(rest, "hospital").post("/api/reports", valid());

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String number = created.json().path("number").asText();
    assertThat(number).matches("RP-\\d{4}-\\d{6}");
    assertThat(created.headers().getLocation()).hasToString("/api/reports/" + number);
    assertThat(created.json().path("receivedAt").asText()).isNotBlank();
    assertThat(created.json().path("acknowledgedAt").asText()).isNotBlank();

    for (String staff : List.of("chief-101", "csup-101", "sup-101", "director-101201", "centre",
        "legal", "supervisor", "demo")) {
      Api.Response read = Api.as(rest, staff).get("/api/reports/" + number);
      assertThat(read.status()).as(staff + ": " + read).isEqualTo(200);
      assertThat(read.json().path("description").asText()).contains("淤青");
      assertThat(read.json().path("reporter").path("organisationName").asText())
          .isEqualTo("青溪县人民医院");
    }
    for (String otherArea : List.of("chief-102", "csup-203", "director-101202")) {
      assertThat(Api.as(rest, otherArea).get("/api/reports/" + number).status())
          .as(otherArea).isEqualTo(404);
    }
    for (String notStaff : List.of("hospital", "school-101", "policy")) {
      assertThat(Api.as(rest, notStaff).get("/api/reports/" + number).status())
          .as(notStaff).isEqualTo(403);
    }
    assertThat(Api.anonymous(rest).get("/api/reports/" + number).status()).isEqualTo(401);
    assertThat(Api.as(rest, "centre").get("/api/reports/RP-2026-999999999").status())
        .isEqualTo(404);
    Api.Response malformed = Api.as(rest, "centre").get("/api/reports/12345");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.errorFields()).containsExactly("number");

    // from the start of this test up to now: process tests that move the engine clock write
    // audit entries stamped in the future, which would otherwise come first
    JsonNode audit = Api.as(rest, "supervisor").get("/api/audit?action=REPORT_READ&size=100"
        + "&from=" + started + "&to=" + java.time.Instant.now().plusSeconds(60)).json();
    assertThat(audit.path("items").findValuesAsText("detail")).contains("report=" + number);
  }

  @Test
  void badReportInputIsRefusedFieldByFieldAndNothingIsStored() {
    refused(with(b -> b.remove("description")), "description");
    refused(with(b -> b.put("description", "太短")), "description");
    refused(with(b -> {
      b.remove("villageCode");
      b.remove("townshipCode");
    }), "villageCode");
    refused(with(b -> b.put("villageCode", "371330999999")), "villageCode");
    refused(with(b -> b.put("villageCode", "37133")), "villageCode");
    refused(with(b -> b.put("townshipCode", "371330102")), "villageCode");
    refused(with(b -> {
      b.remove("villageCode");
      b.put("townshipCode", "371330999");
    }), "townshipCode");
    refused(with(b -> b.put("childIdNumber", "ABCDEFG")), "childIdNumber");
    refused(with(b -> b.put("childBirthDate", LocalDate.now().plusDays(1).toString())),
        "childBirthDate");
    refused(with(b -> b.put("childBirthDate", LocalDate.now().minusYears(19).toString())),
        "childBirthDate");
    refused(with(b -> {
      b.remove("childName");
      b.remove("childIdNumber");
    }), "childName");
    refused(with(b -> b.put("organisationType", "CHURCH")), "organisationType");
    refused(with(b -> b.remove("organisationName")), "organisationName");
    refused(with(b -> b.put("reporterPhone", "call me")), "reporterPhone");
    refused(with(b -> b.put("childAge", 18)), "childAge");
    refused(with(b -> b.put("injury", "yes")), "injury");
    refused(with(b -> b.put("caseNumber", "GC-2026-000001")), "caseNumber");
    refused(with(b -> {
      b.remove("description");
      b.remove("dutyType");
    }), "description", "dutyType");
  }

  @Test
  void onlyReportersAndCaseworkersMayReportThroughTheApi() {
    long reports = storedReports();

    assertThat(Api.as(rest, "policy").post("/api/reports", valid()).status()).isEqualTo(403);
    assertThat(Api.anonymous(rest).post("/api/reports", valid()).status()).isEqualTo(401);

    assertThat(storedReports()).isEqualTo(reports);
    assertThat(Api.as(rest, "director-101201").post("/api/reports", valid()).status())
        .isEqualTo(201);
  }

  Map<String, Object> detention(List<Map<String, Object>> children) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("policeUnit", "青溪县公安局青溪派出所");
    body.put("officerName", "赵警官");
    body.put("officerPhone", "0539-1234567");
    body.put("detainedPersonName", "刘某");
    body.put("relationship", "MOTHER");
    body.put("detainedOn", LocalDate.now().toString());
    body.put("children", children);
    return body;
  }

  @Test
  void policeTellOfTheChildrenADetainedParentLeavesOneCaseEach() {
    Map<String, Object> known = fixtures.registeredChild(TestChildren.VILLAGE_101202);
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("childName", known.get("name"));
    first.put("childIdNumber", known.get("idNumber"));
    first.put("villageCode", TestChildren.VILLAGE_101202);
    first.put("otherCaregiverPresent", true);
    first.put("description", "母亲被刑事拘留，儿童由外祖母照料。");
    Map<String, Object> second = new LinkedHashMap<>();
    second.put("childName", "刘小妹");
    second.put("childAge", 2);
    second.put("villageCode", TestChildren.VILLAGE_101202);
    second.put("otherCaregiverPresent", false);
    second.put("description", "母亲被刑事拘留，家中无其他成年人，儿童暂由民警看护。");

    Api.Response r = Api.as(rest, "police-101").post("/api/reports/detained-parent",
        detention(List.of(first, second)));

    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.json()).hasSize(2);
    JsonNode a = fixtures.read(r.json().get(0).path("number").asText());
    JsonNode b = fixtures.read(r.json().get(1).path("number").asText());
    assertThat(a.path("channel").asText()).isEqualTo("POLICE_DETENTION");
    assertThat(a.path("reporter").path("organisationType").asText()).isEqualTo("POLICE");
    assertThat(a.path("reporter").path("dutyType").asText()).isEqualTo("OFFICIAL");
    assertThat(a.path("detention").path("relationship").asText()).isEqualTo("MOTHER");
    assertThat(a.path("child").path("childId").asLong()).isEqualTo(known.get("id"));
    assertThat(a.path("caseNumber").asText()).isNotEqualTo(b.path("caseNumber").asText());
    assertThat(fixtures.caseOf(a.path("number").asText())).isNotNull();
    var withCaregiver = fixtures.caseOf(a.path("number").asText());
    var alone = fixtures.caseOf(b.path("number").asText());
    assertThat(runtime.getVariable(withCaregiver.getId(), "computedPriority"))
        .isEqualTo("within-10d");
    assertThat(runtime.getVariable(alone.getId(), "noAdultCare")).isEqualTo(true);
    assertThat(runtime.getVariable(alone.getId(), "computedPriority")).isEqualTo("immediate");
  }

  @Test
  void detainedParentReportIsCheckedForEveryChildBeforeAnythingIsStored() {
    long reports = storedReports();
    Map<String, Object> good = new LinkedHashMap<>();
    good.put("childName", "刘小明");
    good.put("villageCode", TestChildren.VILLAGE_101202);
    good.put("otherCaregiverPresent", false);
    good.put("description", "母亲被刑事拘留，家中无其他成年人。");
    Map<String, Object> bad = new LinkedHashMap<>(good);
    bad.remove("otherCaregiverPresent");
    bad.put("villageCode", "371330999999");

    Api.Response r = Api.as(rest, "police-101").post("/api/reports/detained-parent",
        detention(List.of(good, bad)));
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.errorFields()).containsExactly("children[1].otherCaregiverPresent");

    bad.put("otherCaregiverPresent", true);
    Api.Response area = Api.as(rest, "police-101").post("/api/reports/detained-parent",
        detention(List.of(good, bad)));
    assertThat(area.status()).as(area.toString()).isEqualTo(400);
    assertThat(area.errorFields()).containsExactly("children[1].villageCode");

    Api.Response none = Api.as(rest, "police-101").post("/api/reports/detained-parent",
        detention(List.of()));
    assertThat(none.errorFields()).containsExactly("children");
    assertThat(storedReports()).isEqualTo(reports);
    assertThat(Api.as(rest, "director-101201").post("/api/reports/detained-parent",
        detention(List.of(good))).status()).isEqualTo(403);
    assertThat(storedReports()).isEqualTo(reports);
  }
}
