package org.guardian.monitoring;

import java.util.Arrays;

/**
 * The rules of the {@code early-warning} decision, by the code its table outputs. A policy team may
 * add rules to the table: an unknown code is kept and shown as it is.
 */
public enum WarningReason {
  STAYS_HIGH("连续高分"),
  RISING("逐次上升"),
  SHARP_JUMP("分数骤升"),
  URGENT_ITEM("出现紧急情形");

  private final String label;

  WarningReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The label of a code the table output. */
  public static String labelOf(String code) {
    return Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst()
        .map(WarningReason::label).orElse(code);
  }
}
