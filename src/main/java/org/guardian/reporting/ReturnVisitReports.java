package org.guardian.reporting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A return visit that finds renewed risk files a report about the child (channel {@code
 * RETURN_VISIT}) once the visit is committed: the intake opens a new case (the closed case has freed
 * the child), linked to the closed case by the report's {@code followsCaseNumber}.
 */
@Component
class ReturnVisitReports {

  private static final Logger log = LoggerFactory.getLogger(ReturnVisitReports.class);

  private final ReportIntake intake;

  ReturnVisitReports(ReportIntake intake) {
    this.intake = intake;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(ReturnVisitFoundRisk visit) {
    NewReport report = new NewReport(ReportChannel.RETURN_VISIT, null, false, null, null,
        "事后回访", OrganisationType.CHILD_PROTECTION, DutyType.OFFICIAL, null, null, null, null,
        null, visit.villageCode(), null, null, ReportFacts.none(),
        "案件 " + visit.caseNumber() + " 结案后的事后回访发现新的风险："
            + (visit.note() == null ? "未注明" : visit.note()),
        null, null, visit.childId());
    try {
      intake.fromReturnVisit(report, visit.caseNumber());
    } catch (RuntimeException e) {
      // the return visit is committed; the report can be filed by hand from the visit's record
      log.error("return visit of case {} could not be reported", visit.caseNumber(), e);
    }
  }
}
