package org.guardian.workflow;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A point in time as a caseworker reads it in a task form: Chinese date and time in the county's
 * zone ({@code 2026年12月4日 18:00}). Processes keep the {@link java.util.Date} for timers and due
 * dates and set this text beside it, in a variable named {@code <name>Label}, for the forms.
 */
public final class DisplayTime {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
      .withZone(ZoneId.of("Asia/Shanghai"));

  private DisplayTime() {}

  public static String of(Instant instant) {
    return FORMAT.format(instant);
  }
}
