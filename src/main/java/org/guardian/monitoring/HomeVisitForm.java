package org.guardian.monitoring;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guardian.common.FieldProblem;

/**
 * The fields of the Camunda Form {@code home-visit} (forms/home-visit.form): their keys, the report
 * they make, and the rules across fields that the form itself cannot declare.
 */
final class HomeVisitForm {

  static final String VISITED_ON = "visitedOn";
  static final String SEEN_CHILD = "seenChild";
  static final String SEEN_GUARDIAN = "seenGuardian";
  static final String SEEN_CAREGIVER = "seenCaregiver";
  static final String SEEN_OTHERS = "seenOthers";
  static final String CHILD_NOT_SEEN_REASON = "childNotSeenReason";
  static final String PARENTS_WEEKLY_CONTACT = "parentsWeeklyContact";
  static final String CAREGIVER_CAPABLE = "caregiverCapable";
  static final String CAREGIVER_NOTE = "caregiverNote";
  static final String NOTES = "visitNotes";

  static final String YES = "yes";
  static final String NO = "no";

  private HomeVisitForm() {}

  /** Every key the form submits, so that the next visit's form starts empty. */
  static List<String> keys() {
    List<String> keys = new ArrayList<>(List.of(VISITED_ON, SEEN_CHILD, SEEN_GUARDIAN,
        SEEN_CAREGIVER, SEEN_OTHERS, CHILD_NOT_SEEN_REASON, PARENTS_WEEKLY_CONTACT,
        CAREGIVER_CAPABLE, CAREGIVER_NOTE, NOTES));
    for (ScoreItem item : ScoreItem.values()) {
      keys.add(item.key());
    }
    for (UrgentItem item : UrgentItem.values()) {
      keys.add(item.key());
    }
    return keys;
  }

  /** The report of a submission that passed {@link #problems}. */
  static HomeVisitReport report(Map<String, Object> vars, boolean leftBehind, ZoneId zone) {
    Map<ScoreItem, Integer> scores = new EnumMap<>(ScoreItem.class);
    for (ScoreItem item : ScoreItem.values()) {
      scores.put(item, ((Number) vars.get(item.key())).intValue());
    }
    Set<UrgentItem> urgent = EnumSet.noneOf(UrgentItem.class);
    for (UrgentItem item : UrgentItem.values()) {
      if (Boolean.TRUE.equals(vars.get(item.key()))) {
        urgent.add(item);
      }
    }
    return new HomeVisitReport(date(vars.get(VISITED_ON), zone),
        Boolean.TRUE.equals(vars.get(SEEN_CHILD)), Boolean.TRUE.equals(vars.get(SEEN_GUARDIAN)),
        Boolean.TRUE.equals(vars.get(SEEN_CAREGIVER)), text(vars.get(SEEN_OTHERS)),
        text(vars.get(CHILD_NOT_SEEN_REASON)), scores, urgent,
        leftBehind ? yesNo(vars.get(PARENTS_WEEKLY_CONTACT)) : null,
        leftBehind ? yesNo(vars.get(CAREGIVER_CAPABLE)) : null,
        leftBehind ? text(vars.get(CAREGIVER_NOTE)) : null, text(vars.get(NOTES)));
  }

  /**
   * Rules across fields: someone must have been seen, a child not seen needs the reason, scores are
   * whole numbers, the visit day lies between the last visit and today, and a left-behind child's
   * visit answers the questions on the parents' contact and the caregiver (an incapable caregiver
   * needs a note on why).
   */
  static List<FieldProblem> problems(Map<String, Object> vars, boolean leftBehind,
      LocalDate today, LocalDate lastVisit, ZoneId zone) {
    List<FieldProblem> problems = new ArrayList<>();
    boolean seenChild = Boolean.TRUE.equals(vars.get(SEEN_CHILD));
    if (!seenChild && !Boolean.TRUE.equals(vars.get(SEEN_GUARDIAN))
        && !Boolean.TRUE.equals(vars.get(SEEN_CAREGIVER))) {
      problems.add(new FieldProblem(SEEN_CHILD, "入户走访须至少见到儿童本人、监护人或委托照护人之一"));
    }
    String reason = text(vars.get(CHILD_NOT_SEEN_REASON));
    if (!seenChild && (reason == null || reason.length() < 5)) {
      problems.add(new FieldProblem(CHILD_NOT_SEEN_REASON, "未见到儿童本人时须说明原因（至少5个字）"));
    }
    for (ScoreItem item : ScoreItem.values()) {
      Object score = vars.get(item.key());
      if (score instanceof Number n && n.doubleValue() != Math.rint(n.doubleValue())) {
        problems.add(new FieldProblem(item.key(), item.label() + "：应为0至3的整数"));
      }
    }
    Object visited = vars.get(VISITED_ON);
    if (visited != null) {
      LocalDate day = null;
      try {
        day = date(visited, zone);
      } catch (DateTimeParseException | ClassCastException e) {
        // the form's own check names the field
      }
      if (day != null && day.isAfter(today)) {
        problems.add(new FieldProblem(VISITED_ON, "走访日期不能晚于今天"));
      }
      if (day != null && lastVisit != null && day.isBefore(lastVisit)) {
        problems.add(new FieldProblem(VISITED_ON, "走访日期不能早于上次走访（或建档）日期"));
      }
    }
    if (leftBehind) {
      if (!isYesNo(vars.get(PARENTS_WEEKLY_CONTACT))) {
        problems.add(new FieldProblem(PARENTS_WEEKLY_CONTACT, "留守儿童须填写父母是否每周联系"));
      }
      if (!isYesNo(vars.get(CAREGIVER_CAPABLE))) {
        problems.add(new FieldProblem(CAREGIVER_CAPABLE, "留守儿童须填写委托照护人是否具备照护能力"));
      } else if (NO.equals(vars.get(CAREGIVER_CAPABLE))) {
        String note = text(vars.get(CAREGIVER_NOTE));
        if (note == null || note.length() < 5) {
          problems.add(new FieldProblem(CAREGIVER_NOTE, "照护人不具备照护能力时须说明情况（至少5个字）"));
        }
      }
    }
    return problems;
  }

  static LocalDate date(Object value, ZoneId zone) {
    if (value == null) {
      return null;
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(zone).toLocalDate();
    }
    String s = value.toString();
    return LocalDate.parse(s.substring(0, Math.min(10, s.length())));
  }

  private static boolean isYesNo(Object value) {
    return YES.equals(value) || NO.equals(value);
  }

  private static Boolean yesNo(Object value) {
    return YES.equals(value) ? Boolean.TRUE : NO.equals(value) ? Boolean.FALSE : null;
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s.trim() : null;
  }
}
