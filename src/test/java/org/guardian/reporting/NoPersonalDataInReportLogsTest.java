package org.guardian.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.guardian.TestChildren;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Reports carry names, phone numbers and descriptions of harm: a scenario with good, bad and
 * concurrent reports, a refused triage and a read leaves none of them in the application log.
 */
@GuardianTest
@ExtendWith(OutputCaptureExtension.class)
class NoPersonalDataInReportLogsTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;

  @Test
  void reportsLeaveNoPersonalDataInTheLog(CapturedOutput output) {
    CaseFixtures fixtures = new CaseFixtures(rest, engine);
    Map<String, Object> child = fixtures.registeredChild(TestChildren.VILLAGE_101201);
    String description = "隐私描述" + System.nanoTime() % 100000 + "：孩子说晚上常被锁在门外。";
    Map<String, Object> body = CaseFixtures.reportAbout(child, "violence");
    body.put("description", description);
    body.put("reporterPhone", "13255556666");
    body.put("location", "东庄村隐私巷" + System.nanoTime() % 1000 + "号");

    String number = fixtures.report("school-101", body).path("number").asText();
    fixtures.report("hospital", body); // joins the open case
    Map<String, Object> bad = new java.util.HashMap<>(body);
    bad.put("childIdNumber", ((String) child.get("idNumber")).substring(0, 17) + "Y");
    Api.as(rest, "school-101").post("/api/reports", bad); // 400
    Map<String, Object> unknown = CaseFixtures.reportAboutUnknownChild(TestChildren.VILLAGE_101201);
    String unknownName = (String) unknown.get("childName");
    fixtures.report("hospital", unknown);
    ProcessInstance pi = fixtures.caseOf(number);
    try {
      fixtures.triage(pi, "proceed", "within-10d", null); // computed immediate: needs a reason
    } catch (RuntimeException expected) {
      // refused
    }
    Api.as(rest, "chief-101").get("/api/reports/" + number);
    Api.as(rest, "chief-102").get("/api/reports/" + number); // 404

    assertThat(output.getAll()).isNotBlank()
        .doesNotContain((String) child.get("name"))
        .doesNotContain((String) child.get("idNumber"))
        .doesNotContain(description)
        .doesNotContain("13255556666")
        .doesNotContain((String) body.get("location"))
        .doesNotContain(unknownName)
        .doesNotContain("王老师");
  }
}
