package org.guardian.reporting;

import org.guardian.monitoring.EarlyWarningRaised;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The monitoring early warning raises a mandatory report about the child (channel {@code
 * EARLY_WARNING}), once the warning is committed; at most one report per warning.
 */
@Component
class EarlyWarningReports {

  private static final Logger log = LoggerFactory.getLogger(EarlyWarningReports.class);

  private final ReportIntake intake;

  EarlyWarningReports(ReportIntake intake) {
    this.intake = intake;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(EarlyWarningRaised warning) {
    String reasons = warning.reasons() == null || warning.reasons().isEmpty() ? "未注明"
        : String.join("、", warning.reasons());
    NewReport report = new NewReport(ReportChannel.EARLY_WARNING, null, false, null, null,
        "儿童监测预警", OrganisationType.CHILD_PROTECTION, DutyType.OFFICIAL, null, null, null, null,
        null, warning.villageCode(), null, null, ReportFacts.none(),
        "监测预警（预警编号 " + warning.warningId() + "）触发的规则：" + reasons, null,
        warning.warningId(), warning.childId());
    try {
      intake.fromEarlyWarning(report);
    } catch (RuntimeException e) {
      // the warning itself is committed in monitoring; a failed intake must not undo or repeat it
      log.error("early warning {} could not be reported", warning.warningId(), e);
    }
  }
}
