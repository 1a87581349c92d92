package org.guardian.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guardian.assessment.IndicatorFixtures;

/**
 * The case every client of the bench walks, on Guardian and on the bare engine alike: a hospital's
 * report of neglect of a registered child; triage (proceed, the priority the policy computed); a
 * yellow risk assessment (collection, review, confirmation); assistance with the five forms by five
 * people, the plan review (its timer fired at once) found the goals achieved; closure approved.
 * The case then waits a month for its first return visit: it counts as done at closure.
 */
final class ChainSteps {

  /** One user task: its key, who completes it (by role, resolved per child), the form values. */
  record Step(String taskKey, String role, Map<String, Object> variables) {}

  /** Fired between two steps: the plan review's timer of the assistance. */
  static final String PLAN_REVIEW_TIMER = "Timer_PlanReviewDue";
  static final String FIRE_PLAN_REVIEW_AFTER = "Task_DeliverServices";

  private ChainSteps() {}

  static Map<String, Object> report(CountySeed.Child child) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("organisationName", "青溪县人民医院");
    body.put("organisationType", "HOSPITAL");
    body.put("dutyType", "MANDATORY");
    body.put("reporterName", "王医生");
    body.put("reporterPhone", "13700000000");
    body.put("childName", child.name());
    body.put("childIdNumber", child.idNumber());
    body.put("villageCode", child.villageCode());
    body.put("neglect", true);
    body.put("description", "儿童多次独自就诊，衣着单薄，营养不良，陪同的邻居称监护人长期不在家。");
    return body;
  }

  /** The steps; the triage priority is filled in by the walker from the computed priority. */
  static List<Step> steps() {
    List<Step> s = new ArrayList<>();
    s.add(new Step("Task_TriageReport", "chief", map("triageDecision", "proceed",
        "triageNote", "已电话联系报告人核实情况")));
    s.add(new Step("Task_CollectGuardianshipIndicators", "director",
        IndicatorFixtures.collected("yellow")));
    s.add(new Step("Task_ReviewGuardianshipIndicators", "csup",
        IndicatorFixtures.confirmed("yellow")));
    s.add(new Step("Task_ConfirmRiskColour", "sup", map("confirmedColour", "yellow")));
    Map<String, Object> plan = map("planGoals", "保障儿童基本生活和就学，改善家庭监护",
        "planResponsible", "镇儿童督导员、村儿童主任", "planReviewDays", 30L,
        "referralDueDays", 10L);
    plan.put("planServices", new ArrayList<>(List.of("counselling", "schooling")));
    s.add(new Step("Task_DraftCasePlan", "chief", plan));
    s.add(new Step("Task_CollectCaseInformation", "director", map(
        "caseInformation", "儿童由祖母照料，父母在外务工", "childWishes", "希望父母常打电话")));
    s.add(new Step("Task_ReviewCaseInformation", "csup", map("informationReview", "信息完整")));
    s.add(new Step("Task_DiagnoseCase", "expert", map(
        "expertDiagnosis", "存在轻度忽视", "expertAdvice", "加强监护指导")));
    s.add(new Step("Task_HoldCaseConference", "chief", map(
        "conferenceParticipants", "民政、教育、卫健", "conferenceResolution", "学校与村委共同跟进")));
    s.add(new Step("Task_DeliverServices", "socialorg", map(
        "servicesDelivered", "每周心理辅导", "serviceEffect", "情绪稳定")));
    s.add(new Step("Task_ReviewCasePlan", "chief", map(
        "planReviewOutcome", "achieved", "planReviewNote", "目标已实现", "planReviewDays", 30L)));
    s.add(new Step("Task_ApproveClosure", "chief", map(
        "closureReason", "goals-achieved", "closureOutcome", "帮扶目标已实现，转入常规监测")));
    return s;
  }

  /** The demo person of a role for a child's village (see DemoData). */
  static String user(String role, String villageCode) {
    String township = villageCode.substring(6, 9);
    return switch (role) {
      case "chief" -> "chief-" + township;
      case "csup" -> "csup-" + township;
      case "sup" -> "sup-" + township;
      case "director" -> "director-" + villageCode.substring(6);
      case "expert" -> "expert";
      case "socialorg" -> "socialorg";
      default -> throw new IllegalArgumentException(role);
    };
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
