package org.guardian.monitoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.guardian.audit.AuditAction;
import org.guardian.audit.AuditLog;
import org.guardian.people.CurrentUser;
import org.guardian.registry.ChildService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monitoring part of a child's file: home visits with their scores, and early warnings. Records
 * are written once and kept when monitoring ends. Reads go through the registry's access rules
 * (role, then area) and are audited.
 */
@Service
class ChildVisits {

  private final VisitRecordRepository visits;
  private final EarlyWarningRepository warnings;
  private final ChildService children;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ChildVisits(VisitRecordRepository visits, EarlyWarningRepository warnings,
      ChildService children, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
    this.visits = visits;
    this.warnings = warnings;
    this.children = children;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The inputs of the {@code early-warning} decision after a visit, from the child's visit history:
   * the visit's total, the previous visit's total and the change, how many visits in a row the
   * total rose, and whether the visit found an urgent item.
   */
  record WarningInputs(long visitId, int currentTotal, Integer previousTotal, Integer scoreDelta,
      int risingVisits, boolean urgentItem, boolean caregiverIncapable) {}

  /** Records a home visit in the child's file (audited) and returns the early warning's inputs. */
  @Transactional
  WarningInputs record(long childId, String villageCode, HomeVisitReport report, LocalDate dueOn) {
    return save(childId, villageCode, report, dueOn, CurrentUser.get().id(), false);
  }

  /** Records a visit made before the child's monitoring started here (migration, demo). */
  @Transactional
  WarningInputs importVisit(long childId, String villageCode, HomeVisitReport report) {
    return save(childId, villageCode, report, null, CurrentUser.SYSTEM, true);
  }

  private WarningInputs save(long childId, String villageCode, HomeVisitReport report,
      LocalDate dueOn, String by, boolean imported) {
    VisitRecord visit = visits.save(new VisitRecord(childId, villageCode, report, dueOn,
        clock.instant(), by, imported));
    audit.record(AuditAction.VISIT_RECORDED, childId, villageCode,
        "visit=" + visit.getId() + (imported ? "; imported" : ""));
    List<VisitRecord> history = visits.findByChildIdOrderByVisitedOnDescIdDesc(childId);
    int current = visit.getTotalScore();
    Integer previous = null;
    int rising = 0;
    int at = 0;
    while (at < history.size() && !history.get(at).getId().equals(visit.getId())) {
      at++;
    }
    if (at + 1 < history.size()) {
      previous = history.get(at + 1).getTotalScore();
      for (int i = at; i + 1 < history.size()
          && history.get(i).getTotalScore() > history.get(i + 1).getTotalScore(); i++) {
        rising++;
      }
    }
    return new WarningInputs(visit.getId(), current, previous,
        previous == null ? null : current - previous, rising, !report.urgentItems().isEmpty(),
        Boolean.FALSE.equals(report.caregiverCapable()));
  }

  /**
   * Stores an early warning in the child's file (audited with the rule codes only) and publishes
   * {@link EarlyWarningRaised}, on which the reporting module raises a mandatory report.
   */
  @Transactional
  long raiseWarning(long childId, String villageCode, Long visitId, List<String> reasons,
      Integer currentTotal, Integer previousTotal) {
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("a warning needs a reason");
    }
    EarlyWarning warning = warnings.save(new EarlyWarning(childId, villageCode, visitId,
        clock.instant(), reasons, currentTotal, previousTotal));
    audit.record(AuditAction.EARLY_WARNING_RAISED, childId, villageCode,
        "warning=" + warning.getId() + "; reasons=" + String.join(",", reasons));
    events.publishEvent(new EarlyWarningRaised(warning.getId(), childId, villageCode,
        List.copyOf(reasons), warning.getRaisedAt()));
    return warning.getId();
  }

  /** The day monitoring counts from: the child's last visit, if any. */
  @Transactional(readOnly = true)
  Optional<LocalDate> lastVisitDay(long childId) {
    return visits.findFirstByChildIdOrderByVisitedOnDescIdDesc(childId)
        .map(VisitRecord::getVisitedOn);
  }

  /** The child's visits, newest first, for a caseworker who may read the file (audited). */
  @Transactional
  List<VisitView> visits(long childId) {
    children.requireReadable(childId, "visits");
    return visits.findByChildIdOrderByVisitedOnDescIdDesc(childId).stream().map(VisitView::of)
        .toList();
  }

  /** The child's early warnings, newest first, for a caseworker who may read the file (audited). */
  @Transactional
  List<WarningView> warnings(long childId) {
    children.requireReadable(childId, "warnings");
    return warnings.findByChildIdOrderByRaisedAtDescIdDesc(childId).stream()
        .map(WarningView::of).toList();
  }
}
