package org.guardian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.guardian.Api;
import org.guardian.TestChildren;
import org.guardian.people.Area;
import org.guardian.people.Areas;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A village of its own (a fresh code under 青溪县 township 371330109 each time) with a known data
 * set, so every figure the dashboard shows for it can be asserted exactly:
 *
 * <ul>
 *   <li>four children registered through the API (A: left-behind; B: left-behind + migrant; C:
 *       left-behind + single-parent; D: left-behind, its monitoring then ended), so 3 are under
 *       monitoring (left-behind 3, migrant 1, single-parent 1) and 4 registered;
 *   <li>A's home visit overdue (due yesterday);
 *   <li>case Z: a real report about C (open, waiting at triage, triage overdue);
 *   <li>case X (rows only): handed over to assistance, opened 10 days ago, triaged after 1 day,
 *       handed over 4 days later; case Y: opened 8 days ago, triaged after 1 day, handed over after
 *       another day, closed 4 days later (2 days ago);
 *   <li>reports: Z's (acknowledged at once), one acknowledged 30 h after receipt (late), one after
 *       1 h;
 *   <li>assessments: A red 40 days ago then yellow yesterday, B red yesterday, C green pending;
 *   <li>placements: C in temporary guardianship (active), B with relatives, A in an ended temporary
 *       guardianship;
 *   <li>case W (rows only): opened 40 days ago, closed 35 days ago, its instance still running (it
 *       stands in for a case waiting for its return visit: the dashboard only asks whether the
 *       instance runs), so it is at stage 结案回访 and counts in no period figure;
 *   <li>intervention orders (on case X): D in long-term guardianship since 5 days ago; C was in
 *       long-term guardianship 50 days ago, restored 10 days ago (not counted); a supervision order
 *       about A 3 days ago; a protection order for B applied for 2 days ago (pending); a protection
 *       order for B granted 40 days ago, valid for 100 more days (in force); an admonition of A 45
 *       days ago (outside the period);
 *   <li>a real guardianship-intervention instance of case X whose first task (选择干预措施) is
 *       overdue, and D's file review task overdue (other);
 *   <li>visits with due days: A visited 12 days ago (due 10 days ago, on time), B visited 8 days
 *       ago (due 10 days ago, late), C visited 35 days ago (outside the period);
 *   <li>files: A and B reviewed, C returned, D pending review.
 * </ul>
 */
final class DashboardFixture {

  static final String TOWNSHIP = "371330109";

  final String village;
  final long childA;
  final long childB;
  final long childC;
  final long childD;
  final String caseZ;
  final String caseZInstance;
  final String caseX;
  final String caseY;
  final String caseW;
  final String interventionInstance;
  /** The moment the fixture counts its days from. */
  final Instant at;

  private final JdbcTemplate jdbc;
  private final long base = -ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000L) * 100;
  private int next;

  DashboardFixture(TestRestTemplate rest, ProcessEngine engine, JdbcTemplate jdbc, Areas areas) {
    this.jdbc = jdbc;
    String code;
    do {
      code = TOWNSHIP + (600 + ThreadLocalRandom.current().nextInt(400));
    } while (areas.find(code).isPresent());
    village = code;
    areas.addMissing(List.of(new Area(village, "看板测试村" + village.substring(9), TOWNSHIP)));

    childA = register(rest, List.of("LEFT_BEHIND"));
    childB = register(rest, List.of("LEFT_BEHIND", "MIGRANT"));
    childC = register(rest, List.of("LEFT_BEHIND", "SINGLE_PARENT"));
    childD = register(rest, List.of("LEFT_BEHIND"));
    var runtime = engine.getRuntimeService();
    var monitoringOfD = runtime.createProcessInstanceQuery().processDefinitionKey("monitoring")
        .processInstanceBusinessKey(Long.toString(childD)).singleResult();
    assertThat(monitoringOfD).as("monitoring of D").isNotNull();
    runtime.deleteProcessInstance(monitoringOfD.getId(), "dashboard fixture: D no longer monitored");

    Instant now = Instant.now();
    at = now;
    Task visitOfA = engine.getTaskService().createTaskQuery().processDefinitionKey("monitoring")
        .processInstanceBusinessKey(Long.toString(childA)).taskDefinitionKey("Task_HomeVisit")
        .singleResult();
    assertThat(visitOfA).as("home visit of A").isNotNull();
    engine.getTaskService().setDueDate(visitOfA.getId(), Date.from(now.minus(Duration.ofDays(1))));

    Map<String, Object> report = new java.util.LinkedHashMap<>();
    report.put("organisationName", "青溪县人民医院");
    report.put("organisationType", "HOSPITAL");
    report.put("dutyType", "MANDATORY");
    report.put("childName", childName(childC));
    report.put("childIdNumber", jdbc.queryForObject("select id_number from child where id = ?",
        String.class, childC));
    report.put("villageCode", village);
    report.put("neglect", true);
    report.put("description", "门诊发现儿童长期无人照看，营养不良，陪同老人无力照料。");
    Api.Response r = Api.as(rest, "hospital").post("/api/reports", report);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    caseZ = jdbc.queryForObject("select g.number from guardianship_case g join report p on "
        + "p.case_id = g.id where p.number = ?", String.class, r.json().path("number").asText());
    caseZInstance = jdbc.queryForObject(
        "select process_instance_id from guardianship_case where number = ?", String.class, caseZ);
    Task triage = engine.getTaskService().createTaskQuery().processInstanceId(caseZInstance)
        .taskDefinitionKey("Task_TriageReport").singleResult();
    assertThat(triage).as("triage of case Z").isNotNull();
    engine.getTaskService().setDueDate(triage.getId(), Date.from(now.minus(Duration.ofHours(2))));

    caseX = insertCase("HANDED_OVER", "assistance", now.minus(days(10)), now.minus(days(9)),
        now.minus(days(5)), null, childA);
    caseY = insertCase("CLOSED", "assistance", now.minus(days(8)), now.minus(days(7)),
        now.minus(days(6)), now.minus(days(2)), childB);

    insertReport(now.minus(days(5)), now.minus(days(5)).plus(Duration.ofHours(30)));
    insertReport(now.minus(days(2)), now.minus(days(2)).plus(Duration.ofHours(1)));

    insertAssessment(childA, "red", "CONFIRMED", now.minus(days(40)));
    insertAssessment(childA, "yellow", "CONFIRMED", now.minus(days(1)));
    insertAssessment(childB, "red", "CONFIRMED", now.minus(days(1)));
    insertAssessment(childC, "green", "PENDING_CONFIRMATION", null);

    insertPlacement(childC, "TEMPORARY_GUARDIANSHIP", "ACTIVE", now.minus(days(3)));
    insertPlacement(childB, "RELATIVES", "ACTIVE", now.minus(days(3)));
    insertPlacement(childA, "TEMPORARY_GUARDIANSHIP", "ENDED", now.minus(days(20)));

    String runningInstance = runtime.createProcessInstanceQuery().processDefinitionKey("monitoring")
        .processInstanceBusinessKey(Long.toString(childA)).singleResult().getId();
    caseW = insertCase("CLOSED", "assistance", now.minus(days(40)), null, null,
        now.minus(days(35)), childD);
    jdbc.update("update guardianship_case set process_instance_id = ? where number = ?",
        runningInstance, caseW);

    java.time.LocalDate today = java.time.LocalDate.ofInstant(now, ZONE);
    insertOrder(childD, "LONG_TERM_GUARDIANSHIP", "IN_FORCE", today.minusDays(5), null);
    insertOrder(childC, "LONG_TERM_GUARDIANSHIP", "IN_FORCE", today.minusDays(50), null);
    insertOrder(childC, "RESTORATION", "IN_FORCE", today.minusDays(10), null);
    insertOrder(childA, "SUPERVISION_ORDER", "ISSUED", today.minusDays(3), null);
    insertOrder(childB, "PROTECTION_ORDER", "APPLIED", today.minusDays(2), null);
    insertOrder(childB, "PROTECTION_ORDER", "GRANTED", today.minusDays(40), today.plusDays(100));
    insertOrder(childA, "ADMONITION", "ISSUED", today.minusDays(45), null);

    Map<String, Object> vars = org.guardian.workflow.AreaVariables.of(village);
    vars.put("caseNumber", caseX);
    vars.put("childId", childA);
    vars.put("childLabel", "看*板 8岁 测试村");
    vars.put("riskColour", "red");
    interventionInstance = runtime.startProcessInstanceByKey("guardianship-intervention", caseX,
        vars).getId();
    Task choose = engine.getTaskService().createTaskQuery().processInstanceId(interventionInstance)
        .singleResult();
    assertThat(choose).as("first task of the intervention").isNotNull();
    engine.getTaskService().setDueDate(choose.getId(), Date.from(now.minus(Duration.ofHours(5))));
    Task reviewOfD = engine.getTaskService().createTaskQuery()
        .processDefinitionKey("child-file-review").processInstanceBusinessKey(Long.toString(childD))
        .singleResult();
    assertThat(reviewOfD).as("file review of D").isNotNull();
    engine.getTaskService().setDueDate(reviewOfD.getId(), Date.from(now.minus(days(1))));

    insertVisit(childA, today.minusDays(12), today.minusDays(10));
    insertVisit(childB, today.minusDays(8), today.minusDays(10));
    insertVisit(childC, today.minusDays(35), today.minusDays(33));

    jdbc.update("update child set file_status = 'REVIEWED' where id in (?, ?)", childA, childB);
    jdbc.update("update child set file_status = 'RETURNED' where id = ?", childC);
  }

  static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

  private void insertOrder(long child, String kind, String status, java.time.LocalDate issued,
      java.time.LocalDate validUntil) {
    jdbc.update("insert into intervention_order (id, version, case_number, child_id, "
        + "village_code, kind, issuer, issued_on, status, valid_until, recorded_by, updated_at) "
        + "values (?, 0, ?, ?, ?, ?, '青溪县人民法院', ?, ?, ?, 'legal', ?)", id(), caseX, child,
        village, kind, java.sql.Date.valueOf(issued), status,
        validUntil == null ? null : java.sql.Date.valueOf(validUntil), ts(Instant.now()));
  }

  private void insertVisit(long child, java.time.LocalDate visited, java.time.LocalDate due) {
    jdbc.update("insert into visit_record (id, child_id, village_code, visited_on, due_on, "
        + "recorded_at, recorded_by, seen_child, seen_guardian, seen_caregiver, score_family, "
        + "score_appearance, score_community_behaviour, score_neighbour_relations, "
        + "score_social_support, score_key_concerns, total_score, urgent_injury, "
        + "urgent_behaviour, urgent_no_adult_care, urgent_out_of_school, imported) values "
        + "(?, ?, ?, ?, ?, ?, 'director-fixture', true, true, false, 1, 1, 1, 1, 1, 1, 6, false, "
        + "false, false, false, false)", id(), child, village, java.sql.Date.valueOf(visited),
        java.sql.Date.valueOf(due), ts(Instant.now()));
  }

  private static Duration days(int n) {
    return Duration.ofDays(n);
  }

  private String childName(long id) {
    return jdbc.queryForObject("select name from child where id = ?", String.class, id);
  }

  private long register(TestRestTemplate rest, List<String> categories) {
    Map<String, Object> child = TestChildren.leftBehind(village);
    child.put("categories", categories);
    Api.Response r = Api.as(rest, "demo").post("/api/children", child);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  private long id() {
    return base - (next++);
  }

  private static Timestamp ts(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }

  private String insertCase(String status, String nextStep, Instant opened, Instant triaged,
      Instant handedOver, Instant closed, long child) {
    long id = id();
    String number = "GCT-" + (-id);
    jdbc.update("insert into guardianship_case (id, version, number, status, child_id, "
        + "village_code, township_code, county_code, opened_at, priority, priority_overridden, "
        + "triage_decision, triaged_by, triaged_at, risk_colour, next_step, handed_over_at, "
        + "closure_reason, closed_at) values (?, 0, ?, ?, ?, ?, ?, '371330', ?, 'within-10d', "
        + "false, 'proceed', 'chief-109', ?, 'yellow', ?, ?, ?, ?)", id, number, status, child,
        village, TOWNSHIP, ts(opened), ts(triaged), nextStep, ts(handedOver),
        closed == null ? null : "ASSISTANCE_DONE", ts(closed));
    return number;
  }

  private void insertReport(Instant received, Instant acknowledged) {
    long id = id();
    jdbc.update("insert into report (id, version, number, channel, status, received_at, "
        + "acknowledged_at, anonymous, village_code, township_code, county_code, injury, "
        + "sexual_harm, abandonment, no_adult_care, violence, neglect, description) values "
        + "(?, 0, ?, 'REPORTER_API', 'ACKNOWLEDGED', ?, ?, false, ?, ?, '371330', false, false, "
        + "false, false, false, true, '看板测试报告')", id, "RPT-" + (-id), ts(received),
        ts(acknowledged), village, TOWNSHIP);
  }

  private void insertAssessment(long child, String colour, String status, Instant confirmed) {
    long id = id();
    Instant assessed = confirmed == null ? Instant.now() : confirmed.minus(Duration.ofHours(1));
    jdbc.update("insert into guardianship_assessment (id, version, child_id, village_code, "
        + "process_instance_id, indicators, computed_colour, colour, next_step, "
        + "reassess_within_days, decision_key, decision_definition_id, decision_version, "
        + "decision_instance_id, status, assessed_at, overridden, confirmed_by, confirmed_at) "
        + "values (?, 0, ?, ?, 'fixture', '{}', ?, ?, 'assistance', 30, 'guardianship-risk', "
        + "'fixture', 1, 'fixture', ?, ?, false, ?, ?)", id, child, village, colour, colour,
        status, ts(assessed), confirmed == null ? null : "sup-109", ts(confirmed));
  }

  private void insertPlacement(long child, String kind, String status, Instant decided) {
    long id = id();
    jdbc.update("insert into placement (id, version, case_number, child_id, county_code, "
        + "township_code, village_code, kind, decided_by, decided_at, status, reviews, ended_at) "
        + "values (?, 0, ?, ?, '371330', ?, ?, ?, 'centre', ?, ?, 0, ?)", id, caseZ, child,
        TOWNSHIP, village, kind, ts(decided), status,
        "ENDED".equals(status) ? ts(decided.plus(days(5))) : null);
  }
}
