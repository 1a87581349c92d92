package org.guardian.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.guardian.TestChildren;
import org.guardian.registry.FileReview;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A scenario over a child's file, with good and bad requests, leaves none of the child's personal
 * data (name, ID number, phone numbers, address) in the application log.
 */
@GuardianTest
@ExtendWith(OutputCaptureExtension.class)
class NoPersonalDataInLogsTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;

  @Test
  void theLogCarriesNoPersonalData(CapturedOutput output) {
    Map<String, Object> body = TestChildren.leftBehind(TestChildren.VILLAGE_101201);
    String name = "隐私测试" + System.nanoTime() % 10000;
    String address = "青溪县东庄村隐私路" + System.nanoTime() % 1000 + "号";
    body.put("name", name);
    body.put("address", address);
    String idNumber = (String) body.get("idNumber");
    Api director = Api.as(rest, "director-101201");

    Api.Response created = director.post("/api/children", body);
    assertThat(created.status()).isEqualTo(201);
    long id = created.json().path("id").asLong();
    director.get("/api/children/" + id);
    director.get("/api/children?name=" + name);
    director.get("/api/children?idNumber=" + idNumber);
    Api.as(rest, "director-102201").get("/api/children/" + id);
    director.post("/api/children", body); // duplicate: 409
    Map<String, Object> bad = new java.util.HashMap<>(body);
    bad.put("idNumber", idNumber.substring(0, 17) + (idNumber.endsWith("1") ? "2" : "1"));
    director.post("/api/children", bad); // bad check digit: 400
    director.post("/api/children", "{\"name\": \"" + name + "\", ");  // malformed JSON
    String taskId = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
        .taskDefinitionKey(FileReview.TASK_REVIEW).singleResult().getId();
    Api.as(rest, "csup-101").post("/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", Map.of("reviewDecision", Map.of("value", "returned"),
            "reviewComment", Map.of("value", name))));  // too short: refused with 400
    Api.as(rest, "csup-101").post("/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", Map.of("reviewDecision", Map.of("value", name))));  // bad value
    director.get("/api/children/" + id + "/history");

    assertThat(output.getAll())
        .isNotBlank()
        .doesNotContain(name)
        .doesNotContain(idNumber)
        .doesNotContain(address)
        .doesNotContain("13800000000")
        .doesNotContain("13900000000");
  }
}
