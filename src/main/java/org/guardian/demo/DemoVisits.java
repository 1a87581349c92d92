package org.guardian.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.guardian.monitoring.ScoreItem;
import org.guardian.monitoring.UrgentItem;
import org.guardian.monitoring.VisitHistoryImport.PastVisit;
import org.guardian.registry.Category;
import org.guardian.registry.ChildData;
import org.guardian.registry.RiskFlag;

/**
 * A plausible visit history for a demo child: one to four past visits spaced about the child's
 * cadence, the last one recent for most children and overdue for about a third; low, stable scores
 * for most children, and for a few the patterns the early warning flags (a score that stays high,
 * rises visit on visit, jumps, or an urgent finding). Deterministic per child.
 */
final class DemoVisits {

  private static final Set<Category> MONTHLY_CATEGORIES =
      EnumSet.of(Category.SCATTERED_ORPHAN, Category.DE_FACTO_UNSUPPORTED);
  private static final Set<RiskFlag> MONTHLY_FLAGS = EnumSet.of(RiskFlag.POOR_GUARDIANSHIP,
      RiskFlag.SCHOOL_DROPOUT, RiskFlag.SERIOUS_ILLNESS, RiskFlag.SEVERE_DISABILITY,
      RiskFlag.RUNAWAY_HISTORY);

  private DemoVisits() {}

  static List<PastVisit> history(int i, ChildData child, LocalDate today) {
    Random r = new Random(7919L * (i + 1));
    if (i % 10 == 9) {
      return List.of(); // newly found children: not visited yet
    }
    int interval = MONTHLY_CATEGORIES.stream().anyMatch(child.categories()::contains)
        || child.riskFlags().stream().anyMatch(MONTHLY_FLAGS::contains) ? 30
        : child.categories().contains(Category.SINGLE_PARENT) ? 60 : 90;
    int count = 1 + r.nextInt(4);
    // about a third overdue (a few beyond the second deadline), the rest within their window
    double position = i % 3 == 0 ? 1.0 + r.nextDouble() * 0.25 : 0.1 + r.nextDouble() * 0.8;
    LocalDate last = today.minusDays(Math.max(1, Math.round(interval * position)));
    int[] totals = totals(i, count, r);
    boolean leftBehind = child.categories().contains(Category.LEFT_BEHIND);
    List<PastVisit> visits = new ArrayList<>();
    for (int k = 0; k < totals.length; k++) {
      LocalDate day = last.minusDays((long) (totals.length - 1 - k) * interval
          + r.nextInt(7));
      boolean isLast = k == totals.length - 1;
      Set<UrgentItem> urgent = isLast && i % 50 == 13
          ? EnumSet.of(i % 2 == 0 ? UrgentItem.NO_ADULT_CARE : UrgentItem.OUT_OF_SCHOOL)
          : EnumSet.noneOf(UrgentItem.class);
      visits.add(new PastVisit(day, scores(totals[k], r), urgent,
          leftBehind ? r.nextInt(8) > 0 : null, leftBehind ? Boolean.TRUE : null,
          "演示数据：历史走访记录"));
    }
    return visits;
  }

  /** The totals of the visits, oldest first: a few children follow a flagged pattern. */
  private static int[] totals(int i, int count, Random r) {
    int base = 2 + r.nextInt(9);
    if (i % 50 == 0) {
      return new int[] {base, base + 5, base + 10}; // rises visit on visit
    }
    if (i % 50 == 7) {
      return new int[] {20, 26, 28}; // stays high
    }
    if (i % 50 == 33) {
      return new int[] {base, base + 13}; // sharp jump
    }
    int[] totals = new int[count];
    for (int k = 0; k < count; k++) {
      totals[k] = Math.max(0, base + r.nextInt(5) - 2);
    }
    return totals;
  }

  /** Item scores (0 to 3) that add up to the total. */
  private static Map<ScoreItem, Integer> scores(int total, Random r) {
    Map<ScoreItem, Integer> scores = new EnumMap<>(ScoreItem.class);
    for (ScoreItem item : ScoreItem.values()) {
      scores.put(item, 0);
    }
    ScoreItem[] items = ScoreItem.values();
    int left = Math.min(total, ScoreItem.maxTotal());
    while (left > 0) {
      ScoreItem item = items[r.nextInt(items.length)];
      if (scores.get(item) < ScoreItem.MAX) {
        scores.put(item, scores.get(item) + 1);
        left--;
      }
    }
    return scores;
  }
}
