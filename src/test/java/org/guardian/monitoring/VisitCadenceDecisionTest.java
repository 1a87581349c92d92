package org.guardian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.guardian.GuardianTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The decision {@code visit-cadence}, row by row, and the order of its rules (hit policy FIRST). */
@GuardianTest
class VisitCadenceDecisionTest {

  @Autowired DecisionService decisions;

  DmnDecisionTableResult evaluate(List<String> categories, List<String> flags,
      String difficultyKind) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("categories", categories);
    vars.put("riskFlags", flags);
    vars.put("difficultyKind", difficultyKind);
    return decisions.evaluateDecisionTableByKey(Monitoring.DECISION_VISIT_CADENCE, vars);
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of("Rule_OrphanIntensified", List.of("SCATTERED_ORPHAN"),
            List.of("PSYCH_BEHAVIOURAL_ANOMALY"), null, "P1M", true, "P7D"),
        Arguments.of("Rule_OrphanIntensified", List.of("DE_FACTO_UNSUPPORTED", "SINGLE_PARENT"),
            List.of(), null, "P1M", true, "P7D"),
        Arguments.of("Rule_Orphan", List.of("SCATTERED_ORPHAN"), List.of(), null, "P1M", false,
            "P7D"),
        Arguments.of("Rule_Orphan", List.of("DE_FACTO_UNSUPPORTED", "LEFT_BEHIND"),
            List.of("SCHOOL_DROPOUT"), null, "P1M", false, "P7D"),
        Arguments.of("Rule_MonthlyRiskIntensified", List.of("IN_DIFFICULTY"),
            List.of("SEVERE_DISABILITY"), "OWN_DISABILITY", "P1M", true, "P7D"),
        Arguments.of("Rule_MonthlyRiskIntensified", List.of("LEFT_BEHIND"),
            List.of("RUNAWAY_HISTORY", "PARENT_DISABLED"), null, "P1M", true, "P7D"),
        Arguments.of("Rule_MonthlyRisk", List.of("LEFT_BEHIND"), List.of("POOR_GUARDIANSHIP"),
            null, "P1M", false, "P7D"),
        Arguments.of("Rule_MonthlyRisk", List.of("IN_DIFFICULTY"), List.of("SERIOUS_ILLNESS"),
            "FAMILY_POVERTY", "P1M", false, "P7D"),
        Arguments.of("Rule_MonthlyRisk", List.of("TEMPORARY_GUARDIANSHIP"),
            List.of("SCHOOL_DROPOUT"), null, "P1M", false, "P7D"),
        Arguments.of("Rule_Intensified", List.of("LEFT_BEHIND", "SINGLE_PARENT"), List.of(), null,
            "P2M", true, "P14D"),
        Arguments.of("Rule_Intensified", List.of("IN_DIFFICULTY"), List.of(), "OWN_DISABILITY",
            "P2M", true, "P14D"),
        Arguments.of("Rule_Intensified", List.of("MIGRANT"), List.of("PARENT_DISABLED"), null,
            "P2M", true, "P14D"),
        Arguments.of("Rule_LeftBehindOrInDifficulty", List.of("LEFT_BEHIND"), List.of(), null,
            "P3M", false, "P14D"),
        Arguments.of("Rule_LeftBehindOrInDifficulty", List.of("IN_DIFFICULTY"), List.of(),
            "GUARDIANSHIP_ABSENT_OR_IMPROPER", "P3M", false, "P14D"),
        Arguments.of("Rule_OtherProtected", List.of("MIGRANT"), List.of(), null, "P3M", false,
            "P14D"),
        Arguments.of("Rule_OtherProtected", List.of("HIV_AFFECTED", "TEMPORARY_GUARDIANSHIP"),
            List.of(), null, "P3M", false, "P14D"));
  }

  @ParameterizedTest(name = "{0}: {1} {2} {3} -> {4}, phone {5}")
  @MethodSource("rows")
  void eachRuleGivesItsCadence(String rule, List<String> categories, List<String> flags,
      String difficultyKind, String interval, boolean phone, String secondEscalation) {
    DmnDecisionTableResult result = evaluate(categories, flags, difficultyKind);

    assertThat(result).hasSize(1);
    assertThat(result.getSingleResult().getEntryMap())
        .containsEntry("interval", interval)
        .containsEntry("phoneContactRequired", phone)
        .containsEntry("secondEscalationAfter", secondEscalation);
  }

  @Test
  void aChildOnlyInTemporaryGuardianshipMatchesNoRule() {
    assertThat(evaluate(List.of("TEMPORARY_GUARDIANSHIP"), List.of(), null)).isEmpty();
  }

  @Test
  void everyRuleIsReachable() {
    List<String> matched = rows().map(a -> (String) a.get()[0]).distinct().toList();
    assertThat(matched).containsExactly("Rule_OrphanIntensified", "Rule_Orphan",
        "Rule_MonthlyRiskIntensified", "Rule_MonthlyRisk", "Rule_Intensified",
        "Rule_LeftBehindOrInDifficulty", "Rule_OtherProtected");
  }
}
