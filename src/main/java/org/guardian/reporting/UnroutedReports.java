package org.guardian.reporting;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * A report is stored before it is routed to a case; if routing failed (the database or the engine
 * was unavailable, a conflict outlasted the retries), it is routed again here, every minute by
 * default (scheduling is enabled by the system module). Off in tests ({@code guardian.reporting.route-unrouted: false}), which call {@link
 * ReportIntake#routeUnrouted} themselves.
 */
@Configuration
@ConditionalOnProperty(name = "guardian.reporting.route-unrouted", havingValue = "true",
    matchIfMissing = true)
class UnroutedReports {

  private final ReportIntake intake;

  UnroutedReports(ReportIntake intake) {
    this.intake = intake;
  }

  @Scheduled(fixedDelayString = "${guardian.reporting.route-unrouted-every:PT1M}",
      initialDelayString = "${guardian.reporting.route-unrouted-every:PT1M}")
  void routeAgain() {
    intake.routeUnrouted();
  }
}
