package org.guardian.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** A home visit as the API shows it to a caseworker who may read the child's file. */
record VisitView(
    long id,
    LocalDate visitedOn,
    LocalDate dueOn,
    Boolean onTime,
    Instant recordedAt,
    String recordedBy,
    Seen seen,
    List<SectionScore> sections,
    int total,
    int maxTotal,
    List<Labelled> urgentItems,
    Boolean parentsWeeklyContact,
    Boolean caregiverCapable,
    String caregiverNote,
    String notes,
    boolean imported) {

  /** Who the child director saw. */
  record Seen(boolean child, boolean guardian, boolean caregiver, String others,
      String childNotSeenReason) {}

  /** A section's score and the scores of its items. */
  record SectionScore(Section section, String label, int score, int max, List<ItemScore> items) {}

  record ItemScore(ScoreItem item, String label, int score) {}

  record Labelled(String code, String label) {}

  static VisitView of(VisitRecord v) {
    List<SectionScore> sections = Arrays.stream(Section.values())
        .map(s -> new SectionScore(s, s.label(), v.sectionScore(s), s.max(),
            ScoreItem.ofSection(s).map(i -> new ItemScore(i, i.label(),
                v.getScores().getOrDefault(i, 0))).toList()))
        .toList();
    return new VisitView(v.getId(), v.getVisitedOn(), v.getDueOn(), v.onTime(),
        v.getRecordedAt(), v.getRecordedBy(),
        new Seen(v.isSeenChild(), v.isSeenGuardian(), v.isSeenCaregiver(), v.getSeenOthers(),
            v.getChildNotSeenReason()),
        sections, v.getTotalScore(), ScoreItem.maxTotal(),
        v.urgentItems().stream().map(u -> new Labelled(u.name(), u.label())).toList(),
        v.getParentsWeeklyContact(), v.getCaregiverCapable(), v.getCaregiverNote(),
        v.getNotes(), v.isImported());
  }
}
