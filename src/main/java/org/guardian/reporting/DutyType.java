package org.guardian.reporting;

/** The reporter's duty to report (Minor Protection Law art. 11). */
enum DutyType {
  /** Mandatory reporter: a body or its staff in close contact with children (强制报告义务). */
  MANDATORY("强制报告义务"),
  /** A public official finding it in the course of duty (履职发现), e.g. police at a detention. */
  OFFICIAL("履职发现"),
  /** Anyone else (一般报告). */
  VOLUNTARY("一般报告");

  private final String label;

  DutyType(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
