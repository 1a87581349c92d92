package org.guardian.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** bench/run's arguments: a mistyped option stops the run before it seeds anything. */
class BenchPlanTest {

  @Test
  void theFullRunsDefaultsAndTheCollectorOption() {
    Bench.Plan plan = Bench.Plan.of(new String[] {"--db=postgres", "--gc=g1"});
    assertThat(plan.databases()).containsExactly("postgres");
    assertThat(plan.children()).isEqualTo(100_000);
    assertThat(plan.rounds()).isEqualTo(10);
  }

  @Test
  void aMistypedOptionIsRefused() {
    assertThatThrownBy(() -> Bench.Plan.of(new String[] {"--case=5"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--case=5");
    assertThatThrownBy(() -> Bench.Plan.of(new String[] {"--fast"}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
