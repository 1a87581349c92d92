package org.guardian.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.guardian.GuardianTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The decisions {@code guardianship-risk-level} (indicators → colour) and {@code guardianship-risk}
 * (colour → reassessment, visits, next step), row by row. A row added without a case here fails
 * {@link #everyRowOfBothTablesHasACase}.
 */
@GuardianTest
class GuardianshipRiskDecisionTest {

  @Autowired DecisionService decisions;
  @Autowired RepositoryService repository;

  static Map<String, Object> with(Object... pairs) {
    Map<String, Object> v = IndicatorFixtures.noRisk();
    for (int i = 0; i < pairs.length; i += 2) {
      v.put((String) pairs[i], pairs[i + 1]);
    }
    v.put("colourOverride", null);
    return v;
  }

  static Stream<Arguments> levelRows() {
    return Stream.of(
        Arguments.of("Rule_SexualHarm", with("sexualHarmSuspected", true), "red", "疑似性侵害"),
        Arguments.of("Rule_Abuse", with("abuseSuspected", true), "red", "疑似虐待"),
        Arguments.of("Rule_Abandoned", with("abandoned", true), "red", "被遗弃"),
        Arguments.of("Rule_ChildAlone", with("childAloneWithoutCare", true), "red", "无人照料"),
        Arguments.of("Rule_NoGuardianNoCaregiver",
            with("guardianCapacity", "none", "caregiverCapable", false), "red", "监护缺失且无照护人"),
        Arguments.of("Rule_VisibleInjuries", with("visibleInjuries", true), "yellow", "不明伤痕"),
        Arguments.of("Rule_DomesticViolence", with("domesticViolence", true), "yellow",
            "家庭暴力或严重冲突"),
        Arguments.of("Rule_GuardianMisconduct", with("guardianMisconduct", true), "yellow",
            "监护人不良行为"),
        Arguments.of("Rule_MalnutritionOrNeglect", with("malnutritionOrNeglect", true), "yellow",
            "照料不当、营养不良"),
        Arguments.of("Rule_NoGuardianCapacity", with("guardianCapacity", "none"), "yellow",
            "监护人无监护能力"),
        Arguments.of("Rule_LimitedWithoutSupport",
            with("guardianCapacity", "limited", "socialSupport", "none"), "yellow",
            "监护能力不足且缺乏支持"),
        Arguments.of("Rule_BothAwayNoCaregiver",
            with("parentsAway", "both", "caregiverCapable", false), "yellow", "父母均外出且照护人不能履职"),
        Arguments.of("Rule_LimitedCapacity", with("guardianCapacity", "limited"), "blue",
            "监护能力不足"),
        Arguments.of("Rule_BehaviouralDeviation", with("behaviouralDeviation", true), "blue",
            "行为偏差"),
        Arguments.of("Rule_SchoolDropout", with("schoolDropout", true), "blue", "辍学"),
        Arguments.of("Rule_SeriousIllness", with("seriousIllnessOrDisability", true), "blue",
            "重病或重度残疾"),
        Arguments.of("Rule_NeighbourConcerns", with("neighbourConcerns", true), "blue",
            "邻里反映照料不当"),
        Arguments.of("Rule_NoWeeklyContact",
            with("parentsAway", "one", "parentContactWeekly", false), "blue", "外出父母未每周联系"),
        Arguments.of("Rule_HouseholdPoverty", with("householdPoverty", true), "blue", "家庭经济困难"),
        Arguments.of("Rule_NoEvidentRisk", with(), "green", "未发现明显风险"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("levelRows")
  void eachIndicatorRowGivesItsColour(String row, Map<String, Object> indicators, String colour,
      String reason) {
    var level = decisions
        .evaluateDecisionTableByKey(RiskAssessment.DECISION_LEVEL, indicators).getSingleResult();

    assertThat(level.<String>getEntry("riskLevel")).as(row).isEqualTo(colour);
    assertThat(level.<String>getEntry("riskReason")).as(row).isEqualTo(reason);
    assertThat(ruleOf(RiskAssessment.DECISION_LEVEL, reason)).isEqualTo(row);
    var risk = decisions.evaluateDecisionByKey(RiskAssessment.DECISION)
        .variables(indicators).evaluate().getSingleResult();
    assertThat(risk.<String>getEntry("riskColour")).as(row).isEqualTo(colour);
    assertThat(risk.<String>getEntry("riskReason")).as(row).isEqualTo(reason);
  }

  @Test
  void parentsAtHomeNeedNoWeeklyCall() {
    var level = decisions.evaluateDecisionTableByKey(
        RiskAssessment.DECISION_LEVEL, with("parentsAway", "none", "parentContactWeekly", false))
        .getSingleResult();
    assertThat(level.<String>getEntry("riskLevel")).isEqualTo("green");
  }

  @ParameterizedTest(name = "{0}: {1} → {4}")
  @CsvSource(nullValues = "none", value = {
      "Rule_Red,    red,    30,  7,    intervention",
      "Rule_Yellow, yellow, 90,  14,   assistance",
      "Rule_Blue,   blue,   180, 30,   assistance",
      "Rule_Green,  green,  365, none, monitoring"})
  void eachColourRowGivesWhatFollowsAlsoWhenTheSupervisorSetTheColour(String row, String colour,
      int reassess, Integer visit, String nextStep) {
    // the indicators say green: the colour comes from the supervisor's override
    Map<String, Object> vars = with();
    vars.put("colourOverride", colour);

    var risk = decisions.evaluateDecisionByKey(RiskAssessment.DECISION)
        .variables(vars).evaluate().getSingleResult();

    assertThat(risk.<String>getEntry("riskColour")).isEqualTo(colour);
    assertThat(risk.<Number>getEntry("reassessWithinDays").intValue()).isEqualTo(reassess);
    assertThat(risk.<Number>getEntry("visitEveryDays")).satisfies(v ->
        assertThat(v == null ? null : v.intValue()).isEqualTo(visit));
    assertThat(risk.<String>getEntry("nextStep")).isEqualTo(nextStep);
    assertThat(rulesOf(RiskAssessment.DECISION)).extracting(Rule::getId).contains(row);
  }

  @Test
  void everyRowOfBothTablesHasACase() {
    assertThat(levelRows().map(a -> (String) a.get()[0]).toList())
        .containsExactlyInAnyOrderElementsOf(rulesOf(RiskAssessment.DECISION_LEVEL).stream()
            .map(Rule::getId).toList());
    assertThat(rulesOf(RiskAssessment.DECISION)).extracting(Rule::getId)
        .containsExactlyInAnyOrder("Rule_Red", "Rule_Yellow", "Rule_Blue", "Rule_Green");
  }

  String ruleOf(String decisionKey, String reason) {
    List<String> ids = rulesOf(decisionKey).stream()
        .filter(r -> r.getOutputEntries().stream()
            .anyMatch(o -> o.getTextContent().equals("\"" + reason + "\"")))
        .map(Rule::getId).toList();
    assertThat(ids).as("rows giving " + reason).hasSize(1);
    return ids.get(0);
  }

  Collection<Rule> rulesOf(String decisionKey) {
    DecisionDefinition latest = repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(decisionKey).latestVersion().singleResult();
    Decision decision = repository.getDmnModelInstance(latest.getId())
        .getModelElementById(decisionKey);
    return ((DecisionTable) decision.getExpression()).getRules();
  }
}
