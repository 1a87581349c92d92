package org.guardian.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A pair's ratio comes with its spread over the rounds (docs/benchmarks.md, item 53): the lowest
 * and highest round, and the standard error of the rounds' mean ratio.
 */
class BenchRatioTest {

  @Test
  void theRatioOfThePairAndItsRoundsSpread() {
    Map<String, Object> r = new LinkedHashMap<>();
    // rounds of 0.5, 0.75 and 1.0; the ratio itself is of the cases/s over all rounds
    Bench.putRatio(r, "ratio_rest_1", List.of(5.0, 6.0, 10.0), List.of(10.0, 8.0, 10.0),
        6.5, 9.2);

    assertThat(r).containsEntry("ratio_rest_1", 0.71)
        .containsEntry("ratio_rest_1_round_min", 0.5)
        .containsEntry("ratio_rest_1_round_max", 1.0)
        // sample deviation 0.25 over three rounds: 0.25 / sqrt(3)
        .containsEntry("ratio_rest_1_se", 0.144);
  }

  @Test
  void oneRoundHasNoStandardError() {
    Map<String, Object> r = new LinkedHashMap<>();
    Bench.putRatio(r, "two_nodes_ratio", List.of(9.0), List.of(10.0), 9.0, 10.0);

    assertThat(r).containsEntry("two_nodes_ratio", 0.9)
        .containsEntry("two_nodes_ratio_round_min", 0.9)
        .containsEntry("two_nodes_ratio_round_max", 0.9)
        .doesNotContainKey("two_nodes_ratio_se");
  }
}
