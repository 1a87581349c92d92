package org.guardian.monitoring;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.guardian.registry.ChildService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the visits a child had before its monitoring started here (from an earlier system, or
 * the demo data) into the child's file: each visit is scored, and the {@code early-warning}
 * decision (latest version, as the process binds it) runs on the history as it grows, storing and
 * publishing the warnings it raises. Run it before the child's monitoring starts: the monitoring
 * cycle then counts from the last imported visit.
 */
@Service
public class VisitHistoryImport {

  /** A visit of the past: its day, the score of every item and the urgent findings. */
  public record PastVisit(LocalDate visitedOn, Map<ScoreItem, Integer> scores,
      Set<UrgentItem> urgentItems, Boolean parentsWeeklyContact, Boolean caregiverCapable,
      String notes) {}

  private final ChildVisits visits;
  private final VisitRecordRepository records;
  private final ChildService children;
  private final DecisionService decisions;
  private final SystemCalls system;

  VisitHistoryImport(ChildVisits visits, VisitRecordRepository records, ChildService children,
      DecisionService decisions, SystemCalls system) {
    this.visits = visits;
    this.records = records;
    this.children = children;
    this.decisions = decisions;
    this.system = system;
  }

  /**
   * Imports the visits of a child whose file has none yet (a file with visits is left as it is);
   * returns the number of warnings raised.
   */
  @Transactional
  public int importVisits(long childId, List<PastVisit> past) {
    if (past.isEmpty() || records.existsByChildId(childId)) {
      return 0;
    }
    String village = children.villageOf(childId);
    int warnings = 0;
    for (PastVisit p : past.stream().sorted(Comparator.comparing(PastVisit::visitedOn)).toList()) {
      HomeVisitReport report = new HomeVisitReport(p.visitedOn(), true, true,
          p.caregiverCapable() != null, null, null, p.scores(), p.urgentItems(),
          p.parentsWeeklyContact(), p.caregiverCapable(), null, p.notes());
      ChildVisits.WarningInputs in = visits.importVisit(childId, village, report);
      List<String> reasons = reasons(in);
      if (!reasons.isEmpty()) {
        visits.raiseWarning(childId, village, in.visitId(), reasons, in.currentTotal(),
            in.previousTotal());
        warnings++;
      }
    }
    return warnings;
  }

  private List<String> reasons(ChildVisits.WarningInputs in) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(Monitoring.Var.CURRENT_TOTAL, in.currentTotal());
    vars.put(Monitoring.Var.PREVIOUS_TOTAL, in.previousTotal());
    vars.put(Monitoring.Var.SCORE_DELTA, in.scoreDelta());
    vars.put(Monitoring.Var.RISING_VISITS, in.risingVisits());
    vars.put(Monitoring.Var.URGENT_ITEM, in.urgentItem());
    DmnDecisionResult result = system.call(() -> decisions
        .evaluateDecisionByKey(Monitoring.DECISION_EARLY_WARNING).variables(vars).evaluate());
    return result.collectEntries(Monitoring.WarningOutput.REASON).stream()
        .map(String::valueOf).distinct().toList();
  }
}
