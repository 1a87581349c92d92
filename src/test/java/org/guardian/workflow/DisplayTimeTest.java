package org.guardian.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Times and cadences as a caseworker reads them in a task form. */
class DisplayTimeTest {

  @ParameterizedTest
  @CsvSource({"P7D,每周", "P14D,每2周", "P10D,每10天", "P1M,每月", "P2M,每2个月", "P3M,每3个月",
      "P1Y,每1年", "P1M15D,每1个月15天"})
  void cadenceOfTheVisitCadenceTableReadsAsWords(String period, String words) {
    assertThat(DisplayTime.cadence(period)).isEqualTo(words);
  }

  @ParameterizedTest
  @CsvSource({"2026-12-04T10:00:00Z,2026年12月4日 18:00", "2026-01-31T16:30:00Z,2026年2月1日 00:30"})
  void timeReadsInTheCountysZone(String instant, String text) {
    assertThat(DisplayTime.of(Instant.parse(instant))).isEqualTo(text);
  }
}
