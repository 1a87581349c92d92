package org.guardian.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.guardian.Api;
import org.guardian.ProcessJobs;
import org.guardian.TestChildren;
import org.guardian.assessment.IndicatorFixtures;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Children, reports and cases for the tests of the case chain. */
final class CaseFixtures {

  private final TestRestTemplate rest;
  private final ProcessEngine engine;

  CaseFixtures(TestRestTemplate rest, ProcessEngine engine) {
    this.rest = rest;
    this.engine = engine;
  }

  /** A child registered by the village's child director; returns the request body with its id. */
  Map<String, Object> registeredChild(String village) {
    Map<String, Object> child = TestChildren.leftBehind(village);
    Api.Response r = Api.as(rest, "director-" + village.substring(6)).post("/api/children", child);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    child.put("id", r.json().path("id").asLong());
    return child;
  }

  /** A school's report about a registered child (matched by ID number), with the given facts. */
  static Map<String, Object> reportAbout(Map<String, Object> child, String... facts) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("organisationName", "青溪镇中心小学");
    body.put("organisationType", "SCHOOL");
    body.put("dutyType", "MANDATORY");
    body.put("reporterName", "王老师");
    body.put("reporterPhone", "13700000000");
    body.put("childName", child.get("name"));
    body.put("childIdNumber", child.get("idNumber"));
    body.put("villageCode", child.get("villageCode"));
    for (String fact : facts) {
      body.put(fact, true);
    }
    body.put("description", "学生连续三天未到校，班主任家访发现家中无人，邻居称孩子独自在家。");
    return body;
  }

  /** A hospital's report about a child the registry does not know (village null: township only). */
  static Map<String, Object> reportAboutUnknownChild(String village, String... facts) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("organisationName", "青溪县人民医院");
    body.put("organisationType", "HOSPITAL");
    body.put("dutyType", "MANDATORY");
    body.put("childName", "未登记儿童" + (int) (Math.random() * 10000));
    body.put("childBirthDate", LocalDate.now().minusYears(6).toString());
    if (village != null) {
      body.put("villageCode", village);
    } else {
      body.put("townshipCode", "371330101");
    }
    for (String fact : facts) {
      body.put(fact, true);
    }
    body.put("description", "急诊接诊一名儿童，身上有多处淤青，陪同成年人说不清受伤原因。");
    return body;
  }

  /** Files a report as a user; returns the receipt. */
  JsonNode report(String user, Map<String, Object> body) {
    Api.Response r = Api.as(rest, user).post("/api/reports", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  /** The report as the county centre reads it. */
  JsonNode read(String reportNumber) {
    Api.Response r = Api.as(rest, "centre").get("/api/reports/" + reportNumber);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  /** The running case process a report belongs to. */
  ProcessInstance caseOf(String reportNumber) {
    String caseNumber = read(reportNumber).path("caseNumber").asText();
    assertThat(caseNumber).as("case of " + reportNumber).startsWith("GC-");
    ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(GuardianshipCase.KEY).processInstanceBusinessKey(caseNumber)
        .singleResult();
    assertThat(pi).as("running case " + caseNumber).isNotNull();
    return pi;
  }

  /** The sub-process a case called (emergency-response or risk-assessment), if running. */
  ProcessInstance called(ProcessInstance pi, String key) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(pi.getId()).processDefinitionKey(key).singleResult();
  }

  Task task(ProcessInstance pi, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(key).singleResult();
  }

  /** The station chief's triage. */
  void triage(ProcessInstance pi, String decision, String priority, String overrideReason) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("triageDecision", decision);
    vars.put("triagePriority", priority);
    vars.put("triageNote", "已电话联系报告人核实情况");
    if (overrideReason != null) {
      vars.put("priorityOverrideReason", overrideReason);
    }
    engine.getTaskService().complete(task(pi, GuardianshipCase.TASK_TRIAGE).getId(), vars);
  }

  /** Police protection, the medical check if the child is injured, placement with relatives. */
  void handleEmergency(ProcessInstance emergency) {
    var tasks = engine.getTaskService();
    tasks.complete(task(emergency, "Task_ArrangePoliceProtection").getId(), Map.of(
        "protectionOutcome", "child-removed", "protectionNote", "派出所民警已将儿童带离"));
    Task medical = task(emergency, "Task_ArrangeMedicalCheck");
    if (medical != null) {
      tasks.complete(medical.getId(), Map.of("medicalOutcome", "treated", "medicalNote",
          "县医院门诊处置，伤情已拍照存证"));
    }
    tasks.complete(task(emergency, "Task_DecidePlacement").getId(), Map.of(
        "placementType", "relatives", "caregiverName", "李桂兰", "caregiverRelationship", "姨妈",
        "caregiverPhone", "13600000000"));
  }

  /** Collection, review, the decision, the supervisor's confirmation (changing the colour if given). */
  void assess(ProcessInstance assessment, String colour, String confirmedColour, String reason) {
    var tasks = engine.getTaskService();
    tasks.complete(task(assessment, "Task_CollectGuardianshipIndicators").getId(),
        IndicatorFixtures.collected(colour));
    tasks.complete(task(assessment, "Task_ReviewGuardianshipIndicators").getId(),
        IndicatorFixtures.confirmed(colour));
    ProcessJobs.run(engine, assessment.getId());
    Map<String, Object> confirm = new HashMap<>();
    confirm.put("confirmedColour", confirmedColour == null ? colour : confirmedColour);
    if (reason != null) {
      confirm.put("colourOverrideReason", reason);
    }
    tasks.complete(task(assessment, "Task_ConfirmRiskColour").getId(), confirm);
    ProcessJobs.run(engine, assessment.getId());
  }
}
