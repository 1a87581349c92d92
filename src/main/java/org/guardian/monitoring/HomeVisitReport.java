package org.guardian.monitoring;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * What a child director records of a home visit: when, who was seen, the score of every item, the
 * urgent findings, and for left-behind children the parents' weekly contact and the caregiver's
 * capacity ({@code null} when not asked).
 */
record HomeVisitReport(
    LocalDate visitedOn,
    boolean seenChild,
    boolean seenGuardian,
    boolean seenCaregiver,
    String seenOthers,
    String childNotSeenReason,
    Map<ScoreItem, Integer> scores,
    Set<UrgentItem> urgentItems,
    Boolean parentsWeeklyContact,
    Boolean caregiverCapable,
    String caregiverNote,
    String notes) {

  HomeVisitReport {
    scores = Map.copyOf(scores);
    urgentItems = Set.copyOf(urgentItems);
    if (scores.size() != ScoreItem.values().length) {
      throw new IllegalArgumentException("every item must be scored");
    }
  }

  int sectionScore(Section section) {
    return ScoreItem.ofSection(section).mapToInt(scores::get).sum();
  }

  int total() {
    return scores.values().stream().mapToInt(Integer::intValue).sum();
  }
}
