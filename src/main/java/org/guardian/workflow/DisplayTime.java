package org.guardian.workflow;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A point in time as a caseworker reads it in a task form: Chinese date and time in the county's
 * zone ({@code 2026年12月4日 18:00}), a cadence in words ({@code 每2周}). Processes keep the
 * {@link java.util.Date} or the ISO-8601 period for timers and due dates and set this text beside
 * it, in a variable named {@code <name>Label}, for the forms.
 */
public final class DisplayTime {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
      .withZone(ZoneId.of("Asia/Shanghai"));

  private DisplayTime() {}

  public static String of(Instant instant) {
    return FORMAT.format(instant);
  }

  /**
   * An ISO-8601 period as a cadence a caseworker reads: {@code P7D} 每周, {@code P14D} 每2周,
   * {@code P1M} 每月, {@code P3M} 每3个月, {@code P10D} 每10天; null for null.
   */
  public static String cadence(String isoPeriod) {
    if (isoPeriod == null) {
      return null;
    }
    Period p = Period.parse(isoPeriod);
    long months = p.toTotalMonths();
    if (months > 0 && p.getDays() == 0) {
      return months == 1 ? "每月" : months % 12 == 0 ? "每" + months / 12 + "年"
          : "每" + months + "个月";
    }
    if (months == 0 && p.getDays() % 7 == 0 && p.getDays() > 0) {
      return p.getDays() == 7 ? "每周" : "每" + p.getDays() / 7 + "周";
    }
    return months == 0 ? "每" + p.getDays() + "天" : "每" + months + "个月" + p.getDays() + "天";
  }
}
