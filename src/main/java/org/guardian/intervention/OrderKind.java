package org.guardian.intervention;

import java.util.Arrays;

/** The kinds of orders (and recorded measures) of a guardianship intervention. */
public enum OrderKind {
  DISSUASION("dissuasion", "村（居）委会劝阻制止"),
  ADMONITION("admonition", "训诫"),
  WRITTEN_WARNING("written-warning", "告诫书"),
  GUIDANCE_ORDER("guidance-order", "家庭教育指导令"),
  SUPERVISION_ORDER("supervision-order", "督促监护令"),
  PROTECTION_ORDER("protection-order", "人身安全保护令"),
  REVOCATION("revocation", "撤销监护人资格"),
  LONG_TERM_GUARDIANSHIP("long-term-guardianship", "长期监护"),
  RESTORATION("restoration", "恢复监护");

  private final String measure;
  private final String label;

  OrderKind(String measure, String label) {
    this.measure = measure;
    this.label = label;
  }

  public String label() {
    return label;
  }

  static OrderKind ofMeasure(String measure) {
    return Arrays.stream(values()).filter(k -> k.measure.equals(measure)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown measure " + measure));
  }
}
