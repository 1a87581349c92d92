package org.guardian.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The bench measures H2 as Guardian ships it: every H2 database of a run, Guardian's and the
 * limits', opens with the settings of Guardian's default URL (docs/benchmarks.md, item 45).
 */
class BenchH2SettingsTest {

  @Test
  void everyH2DatabaseOfARunHasTheDefaultUrlsSettings() {
    assertThat(Bench.H2.SETTINGS).startsWith(";").doesNotContain("./data")
        .contains(";WRITE_DELAY=0", ";QUERY_CACHE_SIZE=128", ";LOCK_TIMEOUT=10000");
  }

  /** The harness's own bulk writes (the seed) keep H2's default delay; nothing else differs. */
  @Test
  void theHarnesssOwnConnectionsDifferOnlyInTheWriteDelay() {
    assertThat(Bench.H2.harnessSettings()).contains(";WRITE_DELAY=500")
        .doesNotContain("WRITE_DELAY=0")
        .isEqualTo(Bench.H2.SETTINGS.replace("WRITE_DELAY=0", "WRITE_DELAY=500"));
  }
}
