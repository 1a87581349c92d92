package org.guardian.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.Test;

/**
 * The validator refuses each kind of broken model with a finding that names the file, the
 * element and the rule, and lets the well-formed test fixtures through. Each broken model is a
 * good fixture with exactly one thing broken.
 */
class ModelValidatorTest {

  static final String CASE = "policy-test-case.bpmn";
  static final String RISK = "policy-test-risk.dmn";

  final ModelValidator offline = new ModelValidator(DeployedModels.NONE);

  static List<Finding> errors(List<Finding> findings) {
    return findings.stream().filter(Finding::isError).toList();
  }

  static List<Finding> errorsOf(List<Finding> findings, String rule) {
    return findings.stream().filter(f -> f.isError() && f.rule().equals(rule)).toList();
  }

  @Test
  void theTestFixturesPass() {
    for (String folder : List.of("v1", "v2", "binding")) {
      List<Finding> findings = offline.validate(Fixtures.folder(folder));
      assertThat(errors(findings)).as(folder + ": " + findings).isEmpty();
    }
  }

  @Test
  void aUserTaskWhoseFormIsNotUploadedIsRefusedNamingTheTaskAndTheForm() {
    List<Finding> findings = offline.validate(
        Fixtures.without(Fixtures.folder("v1"), "policy-test-assess.form"));

    assertThat(errorsOf(findings, "form-missing")).singleElement().satisfies(f -> {
      assertThat(f.file()).isEqualTo(CASE);
      assertThat(f.elementId()).isEqualTo("Task_AssessRisk");
      assertThat(f.message()).contains("policy-test-assess", "formRefBinding=deployment");
    });
  }

  @Test
  void aUserTaskWithoutACamundaFormIsRefused() {
    List<Finding> findings = offline.validate(Fixtures.change(Fixtures.folder("v1"), CASE,
        t -> t.replace("camunda:formRef=\"policy-test-review\" camunda:formRefBinding=\"deployment\"",
            "camunda:formKey=\"embedded:app:forms/review.html\"")));

    assertThat(errorsOf(findings, "form-missing")).singleElement().satisfies(f -> {
      assertThat(f.elementId()).isEqualTo("Task_ReviewCase");
      assertThat(f.message()).contains("camunda:formRef");
    });
  }

  @Test
  void aFormBoundToLatestMayBeOneAlreadyDeployed() {
    List<ModelFile> upload = Fixtures.change(
        Fixtures.without(Fixtures.folder("v1"), "policy-test-chase.form"), CASE,
        t -> t.replace("camunda:formRef=\"policy-test-chase\" camunda:formRefBinding=\"deployment\"",
            "camunda:formRef=\"policy-test-chase\" camunda:formRefBinding=\"latest\""));

    assertThat(errorsOf(offline.validate(upload), "form-missing")).singleElement()
        .extracting(Finding::elementId).isEqualTo("Task_ChaseAssessment");
    ModelValidator online = new ModelValidator(new FakeDeployed() {
      @Override
      public Optional<List<String>> formFields(String formKey) {
        return formKey.equals("policy-test-chase") ? Optional.of(List.of("chaseNote"))
            : Optional.empty();
      }
    });
    assertThat(errors(online.validate(upload))).isEmpty();
  }

  @Test
  void aCandidateGroupOutsideTheRoutingConventionIsRefused() {
    for (String bad : List.of("chief@${townshipCode}", "station-chief@${childId}",
        "station-chief", "station-chief@37133", "${assigneeGroup}",
        "${'station-chief@'.concat(reporterArea)}")) {
      List<Finding> findings = offline.validate(Fixtures.change(Fixtures.folder("v1"), CASE,
          t -> t.replace("camunda:candidateGroups=\"supervisor@${townshipCode}\"",
              "camunda:candidateGroups=\"" + bad + "\"")));

      assertThat(errorsOf(findings, "candidate-group")).as(bad).singleElement().satisfies(f -> {
        assertThat(f.elementId()).isEqualTo("Task_ChaseAssessment");
        assertThat(f.message()).contains(bad);
      });
    }
  }

  @Test
  void candidateGroupsByTheRoutingConventionPass() {
    for (String good : List.of("supervisor@${countyCode}", "county-centre@371330",
        "child-director@371330101201, station-chief@${townshipCode}",
        "${villageCode != null ? 'child-director@'.concat(villageCode) "
            + ": 'station-chief@'.concat(townshipCode)}")) {
      List<Finding> findings = offline.validate(Fixtures.change(Fixtures.folder("v1"), CASE,
          t -> t.replace("camunda:candidateGroups=\"supervisor@${townshipCode}\"",
              "camunda:candidateGroups=\"" + good + "\"")));

      assertThat(errors(findings)).as(good).isEmpty();
    }
  }

  @Test
  void aUserTaskWithoutCandidateGroupIsRefused() {
    List<Finding> findings = offline.validate(Fixtures.change(Fixtures.folder("v1"), CASE,
        t -> t.replace("camunda:candidateGroups=\"county-centre@${countyCode}\"",
            "camunda:assignee=\"demo\"")));

    assertThat(errorsOf(findings, "candidate-group")).singleElement()
        .extracting(Finding::elementId).isEqualTo("Task_PaperFiling");
  }

  @Test
  void anUnnamedElementIsRefused() {
    List<Finding> findings = offline.validate(Fixtures.change(Fixtures.folder("v1"), CASE,
        t -> t.replace("name=\"是否紧急？\"", "")));

    assertThat(errorsOf(findings, "name-missing")).singleElement().satisfies(f -> {
      assertThat(f.elementId()).isEqualTo("Gateway_Urgent");
      assertThat(f.file()).isEqualTo(CASE);
    });
  }

  @Test
  void anIdOutsideTheConventionIsRefused() {
    List<Finding> generated = offline.validate(Fixtures.change(Fixtures.folder("v1"), CASE,
        t -> t.replace("Task_ReviewCase", "Activity_0x1y2z3")));
    assertThat(errorsOf(generated, "id-convention")).singleElement().satisfies(f -> {
      assertThat(f.elementId()).isEqualTo("Activity_0x1y2z3");
      assertThat(f.message()).contains("Task_");
    });

    List<Finding> wrongPrefix = offline.validate(Fixtures.change(Fixtures.folder("v1"), CASE,
        t -> t.replace("Timer_AssessmentOverdue", "Task_AssessmentOverdue")));
    assertThat(errorsOf(wrongPrefix, "id-convention")).singleElement().satisfies(f -> {
      assertThat(f.elementId()).isEqualTo("Task_AssessmentOverdue");
      assertThat(f.message()).contains("Timer_");
    });

    List<Finding> notCamelCase = offline.validate(Fixtures.change(Fixtures.folder("v1"), CASE,
        t -> t.replace("Gateway_Urgent", "Gateway_urgent_case")));
    assertThat(errorsOf(notCamelCase, "id-convention")).singleElement()
        .extracting(Finding::elementId).isEqualTo("Gateway_urgent_case");

    List<Finding> processKey = offline.validate(Fixtures.change(Fixtures.folder("v1"), CASE,
        t -> t.replace("id=\"policy-test-case\"", "id=\"PolicyTestCase\"")));
    assertThat(errorsOf(processKey, "process-key")).singleElement()
        .extracting(Finding::elementId).isEqualTo("PolicyTestCase");
  }

  @Test
  void aProcessWithoutHistoryTimeToLiveIsRefused() {
    List<Finding> findings = offline.validate(Fixtures.change(Fixtures.folder("v1"), CASE,
        t -> t.replace(" camunda:historyTimeToLive=\"30\"", "")));

    assertThat(errorsOf(findings, "history-ttl")).singleElement()
        .extracting(Finding::elementId).isEqualTo("policy-test-case");
  }

  @Test
  void aConditionReadingAVariableThatNoFormOrDecisionProvidesIsRefused() {
    List<Finding> findings = offline.validate(Fixtures.change(Fixtures.folder("v1"), CASE,
        t -> t.replace("${urgent}", "${isUrgent}")));

    assertThat(errorsOf(findings, "condition-variable")).singleElement().satisfies(f -> {
      assertThat(f.elementId()).isEqualTo("Flow_Urgent");
      assertThat(f.message()).contains("isUrgent", "Gateway_Urgent");
    });
  }

  @Test
  void aFormFieldRemovedFromTheFormThatAGatewayReadsIsRefused() {
    List<Finding> findings = offline.validate(Fixtures.change(Fixtures.folder("v1"),
        "policy-test-register.form", t -> t.replace("\"key\": \"urgent\"", "\"key\": \"pressing\"")));

    assertThat(errorsOf(findings, "condition-variable")).extracting(Finding::elementId)
        .containsExactlyInAnyOrder("Flow_Urgent", "Flow_NotUrgent");
  }

  @Test
  void aConditionMayReadDecisionOutputsAndDocumentedVariables() {
    List<ModelFile> upload = Fixtures.change(Fixtures.folder("v1"), CASE, t -> t
        .replace("<bpmn:outgoing>Flow_ToClosed</bpmn:outgoing>",
            "<bpmn:outgoing>Flow_ToClosed</bpmn:outgoing><bpmn:outgoing>Flow_Reopened</bpmn:outgoing>")
        .replace("</bpmn:process>", "<bpmn:sequenceFlow id=\"Flow_Reopened\" "
            + "sourceRef=\"Task_ReviewCase\" targetRef=\"Task_AssessRisk\"><bpmn:conditionExpression>"
            + "${riskLevel == 'red' &amp;&amp; reviewDecision == 'return' &amp;&amp; childId != null}"
            + "</bpmn:conditionExpression></bpmn:sequenceFlow></bpmn:process>"));
    assertThat(errors(offline.validate(upload))).isEmpty();

    List<ModelFile> undocumented = Fixtures.change(upload, CASE,
        t -> t.replace("Variables: childId,", "Variables:"));
    assertThat(errorsOf(offline.validate(undocumented), "condition-variable")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("childId"));
  }

  @Test
  void theFlowGraphIsReadFromTheFlowsEvenWhenNodesOmitTheirIncomingAndOutgoing() {
    List<ModelFile> upload = Fixtures.change(Fixtures.folder("v1"), CASE,
        t -> t.replaceAll("\\s*<bpmn:(incoming|outgoing)>[A-Za-z_]+</bpmn:(incoming|outgoing)>", ""));
    assertThat(Fixtures.text(upload, CASE)).doesNotContain("<bpmn:incoming>");

    assertThat(errors(offline.validate(upload))).isEmpty();
    assertThat(errorsOf(offline.validate(Fixtures.change(upload, CASE,
        t -> t.replace("${urgent}", "${isUrgent}"))), "condition-variable")).singleElement()
        .extracting(Finding::elementId).isEqualTo("Flow_Urgent");
  }

  @Test
  void variablesMayBeDocumentedAsVariablesInAndOut() {
    List<ModelFile> upload = Fixtures.change(Fixtures.folder("v1"), CASE, t -> t
        .replace("${urgent}", "${injury}").replace("${!urgent}", "${!injury}")
        .replace("Variables: childId, villageCode, townshipCode, countyCode.",
            "Variables in: childId, villageCode, townshipCode, countyCode, injury. Out: riskLevel."));

    assertThat(errors(offline.validate(upload))).isEmpty();
  }

  @Test
  void aDecisionTableWithAGapIsRefusedNamingTheUncoveredInputs() {
    List<Finding> findings = offline.validate(Fixtures.change(Fixtures.folder("v1"), RISK,
        t -> t.replaceAll("(?s)<rule id=\"Rule_Orange\">.*?</rule>", "")));

    assertThat(errorsOf(findings, "dmn-gap")).singleElement().satisfies(f -> {
      assertThat(f.file()).isEqualTo(RISK);
      assertThat(f.elementId()).isEqualTo("policy-test-risk");
      assertThat(f.message()).contains("没有规则匹配 riskScore<=69, urgent=true");
    });
  }

  @Test
  void aGapOnlyBetweenWholeNumbersIsNoGapForAnIntegerInputButIsForADouble() {
    List<ModelFile> upload = Fixtures.change(Fixtures.folder("v1"), RISK,
        t -> t.replace("&lt; 40", "&lt;= 39"));
    assertThat(errors(offline.validate(upload))).isEmpty();

    List<ModelFile> asDouble = Fixtures.change(upload, RISK,
        t -> t.replace("typeRef=\"integer\"", "typeRef=\"double\""));
    assertThat(errorsOf(offline.validate(asDouble), "dmn-gap")).extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("riskScore∈]39..40[", "urgent=false"))
        .anySatisfy(m -> assertThat(m).contains("riskScore∈]69..70["));
  }

  @Test
  void overlappingRulesAreRefusedUnderUniqueWithAnExample() {
    List<Finding> findings = offline.validate(Fixtures.change(Fixtures.folder("v1"), RISK,
        t -> t.replace("&gt;= 70", "&gt;= 60")));

    assertThat(errorsOf(findings, "dmn-overlap")).extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("规则 2（Rule_Yellow）与规则 3（Rule_Red）重叠",
            "riskScore=60", "urgent=false"))
        .anySatisfy(m -> assertThat(m).contains("规则 3（Rule_Red）与规则 4（Rule_Orange）重叠"));
    assertThat(errorsOf(findings, "dmn-overlap")).extracting(Finding::elementId)
        .contains("Rule_Red", "Rule_Orange");
  }

  @Test
  void overlapsAreAllowedUnderFirstAndUnderAnyWhenTheOutputsAgree() {
    List<ModelFile> first = Fixtures.change(Fixtures.folder("v1"), RISK,
        t -> t.replace("&gt;= 70", "&gt;= 60").replace("hitPolicy=\"UNIQUE\"", "hitPolicy=\"FIRST\""));
    assertThat(errors(offline.validate(first))).isEmpty();

    List<ModelFile> anySame = Fixtures.change(Fixtures.folder("v1"), RISK,
        t -> t.replace("hitPolicy=\"UNIQUE\"", "hitPolicy=\"ANY\"")
            .replace("<text>&lt; 70</text>", "<text>-</text>")
            .replace("\"orange\"", "\"red\""));
    assertThat(errors(offline.validate(anySame))).isEmpty();

    List<ModelFile> anyDifferent = Fixtures.change(Fixtures.folder("v1"), RISK,
        t -> t.replace("hitPolicy=\"UNIQUE\"", "hitPolicy=\"ANY\"").replace("&gt;= 70", "&gt;= 60"));
    assertThat(errorsOf(offline.validate(anyDifferent), "dmn-overlap")).isNotEmpty()
        .allSatisfy(f -> assertThat(f.message()).contains("结果不同"));
  }

  @Test
  void aTableThatSaysWhatNoMatchMeansMayLeaveGaps() {
    List<ModelFile> upload = Fixtures.change(Fixtures.folder("v1"), RISK,
        t -> t.replaceAll("(?s)<rule id=\"Rule_Orange\">.*?</rule>", "")
            .replace("<description>Test fixture:", "<description>No match: not assessed. Test fixture:"));

    List<Finding> findings = offline.validate(upload);
    assertThat(errors(findings)).isEmpty();
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.rule()).isEqualTo("dmn-gap");
      assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
    });
  }

  @Test
  void anEntryThatCannotBeAnalysedIsAWarningNotAGuess() {
    List<Finding> findings = offline.validate(Fixtures.change(Fixtures.folder("v1"), RISK,
        t -> t.replace("<text>&lt; 40</text>", "<text>&lt; threshold</text>")));

    assertThat(errors(findings)).isEmpty();
    assertThat(findings).filteredOn(f -> f.rule().equals("dmn-unanalysable")).singleElement()
        .satisfies(f -> {
          assertThat(f.elementId()).isEqualTo("Rule_Green");
          assertThat(f.message()).contains("threshold");
        });
    assertThat(findings).filteredOn(f -> f.rule().equals("dmn-gap"))
        .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING));
  }

  @Test
  void aRemovedOrRenamedOutputOfTheVersionInUseIsRefused() {
    ModelValidator online = new ModelValidator(deployedDecision(Fixtures.folder("v1")));

    List<Finding> renamed = online.validate(Fixtures.change(Fixtures.folder("v2"), RISK,
        t -> t.replace("name=\"riskLevel\"", "name=\"riskColour\"")));
    assertThat(errorsOf(renamed, "dmn-output-removed")).singleElement().satisfies(f -> {
      assertThat(f.elementId()).isEqualTo("policy-test-risk");
      assertThat(f.message()).contains("riskLevel");
    });

    List<Finding> inputChanged = online.validate(Fixtures.change(Fixtures.folder("v2"), RISK,
        t -> t.replace("<text>urgent</text>", "<text>isUrgent</text>")));
    assertThat(errorsOf(inputChanged, "dmn-inputs-changed")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("urgent"));

    assertThat(errors(online.validate(Fixtures.folder("v2")))).isEmpty();
  }

  @Test
  void aBusinessRuleTaskMustChooseItsBindingAndFindItsDecision() {
    List<Finding> noBinding = offline.validate(Fixtures.change(Fixtures.folder("v1"), CASE,
        t -> t.replace(" camunda:decisionRefBinding=\"latest\"", "")));
    assertThat(errorsOf(noBinding, "decision-binding")).singleElement()
        .extracting(Finding::elementId).isEqualTo("Task_DecideRiskLevel");

    List<Finding> missing = offline.validate(Fixtures.without(Fixtures.folder("v1"), RISK));
    assertThat(errorsOf(missing, "decision-missing")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("policy-test-risk"));

    ModelValidator online = new ModelValidator(deployedDecision(Fixtures.folder("v1")));
    assertThat(errors(online.validate(Fixtures.without(Fixtures.folder("v1"), RISK)))).isEmpty();
    List<Finding> deploymentBound = online.validate(Fixtures.change(
        Fixtures.without(Fixtures.folder("v1"), RISK), CASE,
        t -> t.replace("camunda:decisionRefBinding=\"latest\"", "camunda:decisionRefBinding=\"deployment\"")
            .replace("binding latest", "binding deployment")));
    assertThat(errorsOf(deploymentBound, "decision-missing")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("decisionRefBinding=deployment"));
  }

  @Test
  void otherFilesAndBrokenFilesAreRefused() {
    List<Finding> findings = offline.validate(List.of(
        new ModelFile("notes.txt", "hello".getBytes(StandardCharsets.UTF_8)),
        new ModelFile("broken.bpmn", "<bpmn:definitions".getBytes(StandardCharsets.UTF_8)),
        new ModelFile("broken.form", "{ not json".getBytes(StandardCharsets.UTF_8)),
        new ModelFile("english.form", ("{\"id\":\"english\",\"components\":[{\"key\":\"a\","
            + "\"label\":\"Answer\",\"type\":\"textfield\"}]}").getBytes(StandardCharsets.UTF_8))));

    assertThat(errors(findings)).extracting(Finding::file, Finding::rule).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("notes.txt", "file-type"),
        org.assertj.core.groups.Tuple.tuple("broken.bpmn", "xml-invalid"),
        org.assertj.core.groups.Tuple.tuple("broken.form", "json-invalid"),
        org.assertj.core.groups.Tuple.tuple("english.form", "form-label"));
  }

  /** What the engine would answer with the decisions of an upload deployed. */
  static DeployedModels deployedDecision(List<ModelFile> upload) {
    return new FakeDeployed() {
      @Override
      public Optional<DmnModelInstance> latestDecision(String key) {
        for (ModelFile f : upload) {
          if (f.kind() == ModelFile.Kind.DMN) {
            DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(f.content()));
            if (model.getModelElementById(key) != null) {
              return Optional.of(model);
            }
          }
        }
        return Optional.empty();
      }
    };
  }

  static class FakeDeployed implements DeployedModels {
    @Override
    public Optional<List<String>> formFields(String formKey) {
      return Optional.empty();
    }

    @Override
    public boolean processExists(String processKey) {
      return false;
    }

    @Override
    public Optional<DmnModelInstance> latestDecision(String decisionKey) {
      return Optional.empty();
    }
  }
}
