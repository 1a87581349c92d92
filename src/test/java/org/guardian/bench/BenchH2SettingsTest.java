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
}
