package org.guardian.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The dates of one visit cycle, counted in the county's time zone from the day of the last visit
 * (or the day the file was created): the visit is due by the end of {@code anchor + interval}; the
 * first escalation fires when that day is over, the second {@code secondEscalationAfter} later; a
 * phone contact, where the cadence asks for one, falls half-way through the cycle.
 */
record VisitSchedule(LocalDate dueDay, Instant due, Instant secondDeadline, Instant phoneContact) {

  static VisitSchedule of(LocalDate anchor, String interval, String secondEscalationAfter,
      ZoneId zone) {
    LocalDate dueDay = anchor.plus(period(interval));
    LocalDate secondDay = dueDay.plus(period(secondEscalationAfter));
    long days = ChronoUnit.DAYS.between(anchor, dueDay);
    LocalDate phoneDay = anchor.plusDays(Math.max(1, days / 2));
    return new VisitSchedule(dueDay, endOf(dueDay, zone), endOf(secondDay, zone),
        phoneDay.atStartOfDay(zone).toInstant());
  }

  /** The instant a day of the county is over. */
  static Instant endOf(LocalDate day, ZoneId zone) {
    return day.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /**
   * An ISO-8601 duration as the decision tables write it: a period ({@code P1M}, {@code P14D},
   * {@code P2W}) or a time-based duration ({@code PT720H}, counted in whole days).
   */
  static Period period(String iso) {
    if (iso == null || iso.isBlank()) {
      throw new IllegalStateException("the decision gave no duration");
    }
    try {
      return Period.parse(iso.trim());
    } catch (DateTimeParseException e) {
      try {
        return Period.ofDays((int) Duration.parse(iso.trim()).toDays());
      } catch (DateTimeParseException e2) {
        throw new IllegalStateException("not an ISO-8601 duration: " + iso, e2);
      }
    }
  }
}
