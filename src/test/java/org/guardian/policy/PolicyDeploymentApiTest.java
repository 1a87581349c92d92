package org.guardian.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * {@code POST /api/policy/deployments} and Camunda Modeler's deploy through {@code /engine-rest}:
 * only the policy team and administrators deploy, every upload is checked first, a refused upload
 * deploys nothing and says why, a good one makes new versions.
 */
@GuardianTest
class PolicyDeploymentApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repository;

  long deploymentsNamed(String name) {
    return repository.createDeploymentQuery().deploymentName(name).count();
  }

  long versionsOf(String processKey) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).count();
  }

  static List<String> keysAndTypes(JsonNode definitions) {
    List<String> out = new ArrayList<>();
    definitions.forEach(d -> out.add(d.path("type").asText() + ":" + d.path("key").asText()));
    return out;
  }

  @Test
  void thePolicyTeamDeploysAValidUploadAndARevisionBecomesTheNextVersion() {
    String name = PolicyApi.uniqueName();

    Api.Response first = PolicyApi.deploy(rest, "policy", name, Fixtures.folder("v1"));

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    JsonNode v1 = first.json();
    assertThat(v1.path("source").asText()).isEqualTo(PolicyDeployments.SOURCE);
    assertThat(v1.path("name").asText()).isEqualTo(name);
    assertThat(keysAndTypes(v1.path("definitions"))).contains("process:policy-test-case",
        "decision:policy-test-risk", "form:policy-test-register", "form:policy-test-filing");
    assertThat(first.headers().getLocation().getPath())
        .isEqualTo("/api/policy/deployments/" + v1.path("deploymentId").asText());
    int version1 = version(v1, "policy-test-case");

    Api.Response second = PolicyApi.deploy(rest, "demo", name, Fixtures.folder("v2"));

    assertThat(second.status()).as(second.toString()).isEqualTo(201);
    assertThat(version(second.json(), "policy-test-case")).isEqualTo(version1 + 1);
    assertThat(keysAndTypes(second.json().path("definitions"))).contains("form:policy-test-safety")
        .doesNotContain("form:policy-test-filing");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("policy-test-case")
        .latestVersion().singleResult().getVersion()).isEqualTo(version1 + 1);

    Api.Response read = Api.as(rest, "policy").get(first.headers().getLocation().getPath());
    assertThat(read.status()).isEqualTo(200);
    assertThat(version(read.json(), "policy-test-case")).isEqualTo(version1);

    JsonNode audit = Api.as(rest, "demo").get("/api/audit?action=POLICY_DEPLOYED&actor=policy")
        .json().path("items");
    assertThat(audit.findValuesAsText("detail"))
        .anySatisfy(d -> assertThat(d).contains(v1.path("deploymentId").asText(),
            "policy-test-case:" + version1));
  }

  static int version(JsonNode result, String key) {
    for (JsonNode d : result.path("definitions")) {
      if (d.path("key").asText().equals(key)) {
        return d.path("version").asInt();
      }
    }
    throw new AssertionError("no " + key + " in " + result);
  }

  @Test
  void anUnchangedUploadDeploysNothingNew() {
    String name = PolicyApi.uniqueName();
    assertThat(PolicyApi.deploy(rest, "policy", name, Fixtures.folder("v1")).status())
        .isEqualTo(201);
    long versions = versionsOf("policy-test-case");

    Api.Response again = PolicyApi.deploy(rest, "policy", name, Fixtures.folder("v1"));

    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.json().path("changed").asBoolean()).isFalse();
    assertThat(versionsOf("policy-test-case")).isEqualTo(versions);
  }

  @Test
  void caseworkersMayNotDeploy() {
    String name = PolicyApi.uniqueName();
    for (String user : List.of("chief-101", "csup-101", "director-101201", "supervisor",
        "centre", "legal")) {
      Api.Response refused = PolicyApi.deploy(rest, user, name, Fixtures.folder("v1"));
      assertThat(refused.status()).as(user + " " + refused).isEqualTo(403);
    }
    assertThat(deploymentsNamed(name)).isZero();
  }

  @Test
  void aBrokenUploadIsRefusedWithItsFindingsAndNothingIsDeployed() {
    String name = PolicyApi.uniqueName();
    long versions = versionsOf("policy-test-case");
    List<ModelFile> broken = Fixtures.change(
        Fixtures.without(Fixtures.folder("v1"), "policy-test-assess.form"), "policy-test-case.bpmn",
        t -> t.replace("name=\"是否紧急？\"", ""));

    Api.Response refused = PolicyApi.deploy(rest, "policy", name, broken);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.headers().getContentType().toString()).contains("problem+json");
    JsonNode findings = refused.json().path("findings");
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.path("file").asText()).isEqualTo("policy-test-case.bpmn");
      assertThat(f.path("elementId").asText()).isEqualTo("Task_AssessRisk");
      assertThat(f.path("rule").asText()).isEqualTo("form-missing");
      assertThat(f.path("severity").asText()).isEqualTo("ERROR");
      assertThat(f.path("message").asText()).contains("policy-test-assess");
    });
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.path("elementId").asText()).isEqualTo("Gateway_Urgent");
      assertThat(f.path("rule").asText()).isEqualTo("name-missing");
    });
    assertThat(deploymentsNamed(name)).isZero();
    assertThat(versionsOf("policy-test-case")).isEqualTo(versions);
    assertThat(Api.as(rest, "demo").get("/api/audit?action=POLICY_DEPLOYMENT_REFUSED&actor=policy")
        .json().path("items").findValuesAsText("detail"))
        .anySatisfy(d -> assertThat(d).contains("form-missing", "name-missing"));
  }

  @Test
  void aDecisionTableThatDropsAnOutputOfTheVersionInUseIsRefused() {
    PolicyApi.deploy(rest, "policy", PolicyApi.uniqueName(), Fixtures.folder("v1"));
    List<ModelFile> renamed = Fixtures.change(
        List.of(Fixtures.folder("v2").stream().filter(f -> f.name().endsWith(".dmn")).findFirst()
            .orElseThrow()), "policy-test-risk.dmn",
        t -> t.replace("name=\"riskLevel\"", "name=\"riskColour\""));

    Api.Response refused = PolicyApi.deploy(rest, "policy", PolicyApi.uniqueName(), renamed);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.json().path("findings")).anySatisfy(f -> {
      assertThat(f.path("rule").asText()).isEqualTo("dmn-output-removed");
      assertThat(f.path("elementId").asText()).isEqualTo("policy-test-risk");
      assertThat(f.path("message").asText()).contains("riskLevel");
    });
  }

  @Test
  void validateOnlyChecksWithoutDeploying() {
    String name = PolicyApi.uniqueName();
    long versions = versionsOf("policy-test-case");

    Api.Response validated = PolicyApi.deploy(rest, "policy", name + "&validateOnly=true",
        Fixtures.folder("v1"));
    Api.Response refused = PolicyApi.deploy(rest, "policy", name + "&validateOnly=true",
        Fixtures.without(Fixtures.folder("v1"), "policy-test-review.form"));

    assertThat(validated.status()).as(validated.toString()).isEqualTo(200);
    assertThat(validated.json().path("deployed").asBoolean()).isFalse();
    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(versionsOf("policy-test-case")).isEqualTo(versions);
    assertThat(deploymentsNamed(name)).isZero();
  }

  @Test
  void anUploadWithoutFilesIsBadInput() {
    Api.Response empty = PolicyApi.deploy(rest, "policy", PolicyApi.uniqueName(), List.of());
    assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
  }

  @Test
  void modelersDeployThroughTheEngineRestApiIsCheckedTheSameWay() {
    String name = PolicyApi.uniqueName();
    List<ModelFile> broken = Fixtures.change(Fixtures.folder("v1"), "policy-test-case.bpmn",
        t -> t.replace("camunda:candidateGroups=\"supervisor@${townshipCode}\"",
            "camunda:candidateGroups=\"supervisors\""));

    Api.Response refused = PolicyApi.deployThroughEngineRest(rest, "policy", name, broken);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().path("type").asText()).isEqualTo("ParseException");
    assertThat(refused.json().path("message").asText())
        .contains("Task_ChaseAssessment", "candidate-group", "supervisors");
    JsonNode errors = refused.json().path("details").path("policy-test-case.bpmn").path("errors");
    assertThat(errors).anySatisfy(e -> {
      assertThat(e.path("mainElementId").asText()).isEqualTo("Task_ChaseAssessment");
      assertThat(e.path("message").asText()).contains("supervisors");
    });
    assertThat(deploymentsNamed(name)).isZero();

    Api.Response deployed = PolicyApi.deployThroughEngineRest(rest, "policy", name,
        Fixtures.folder("v1"));
    assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
    assertThat(deploymentsNamed(name)).isEqualTo(1);

    Api.Response chief = PolicyApi.deployThroughEngineRest(rest, "chief-101",
        PolicyApi.uniqueName(), Fixtures.folder("v1"));
    assertThat(chief.status()).as(chief.toString()).isEqualTo(403);
  }
}
