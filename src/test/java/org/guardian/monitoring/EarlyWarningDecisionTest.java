package org.guardian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.DecisionService;
import org.guardian.GuardianTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The decision {@code early-warning}, row by row, at and around each threshold. */
@GuardianTest
class EarlyWarningDecisionTest {

  @Autowired DecisionService decisions;

  List<Object> reasons(Integer current, Integer previous, Integer delta, int rising,
      boolean urgent) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("currentTotal", current);
    vars.put("previousTotal", previous);
    vars.put("scoreDelta", delta);
    vars.put("risingVisits", rising);
    vars.put("urgentItem", urgent);
    return decisions.evaluateDecisionTableByKey(Monitoring.DECISION_EARLY_WARNING, vars)
        .collectEntries("reason");
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        // STAYS_HIGH: two visits in a row at 24 or more
        Arguments.of(24, 24, 0, 0, false, List.of("STAYS_HIGH")),
        Arguments.of(30, 26, 4, 1, false, List.of("STAYS_HIGH")),
        Arguments.of(24, 23, 1, 1, false, List.of()),
        Arguments.of(23, 30, -7, 0, false, List.of()),
        Arguments.of(30, null, null, 0, false, List.of()),
        // RISING: rose on two visits in a row, now at 12 or more
        Arguments.of(12, 9, 3, 2, false, List.of("RISING")),
        Arguments.of(11, 9, 2, 3, false, List.of()),
        Arguments.of(15, 12, 3, 1, false, List.of()),
        // SHARP_JUMP: 10 or more above the previous visit
        Arguments.of(14, 4, 10, 1, false, List.of("SHARP_JUMP")),
        Arguments.of(13, 4, 9, 1, false, List.of()),
        // URGENT_ITEM: any urgent finding, at any score, even at the first visit
        Arguments.of(0, null, null, 0, true, List.of("URGENT_ITEM")),
        // several rules at once: every one is a reason
        Arguments.of(36, 25, 11, 2, true,
            List.of("STAYS_HIGH", "RISING", "SHARP_JUMP", "URGENT_ITEM")),
        // nothing to flag
        Arguments.of(5, 4, 1, 1, false, List.of()));
  }

  @ParameterizedTest(name = "current {0}, previous {1}, delta {2}, rising {3}, urgent {4} -> {5}")
  @MethodSource("rows")
  void eachRuleFiresAtItsThreshold(Integer current, Integer previous, Integer delta, int rising,
      boolean urgent, List<String> expected) {
    assertThat(reasons(current, previous, delta, rising, urgent))
        .containsExactlyInAnyOrderElementsOf(expected);
  }
}
