package org.guardian.intervention;

/** What a document in the child's file is. */
public enum DocumentType {
  /** An order: admonition, warning, guidance or supervision order, protection order. */
  ORDER("决定书、令状"),
  /** A court's ruling or judgment (protection order, revocation of guardianship). */
  COURT_DECISION("法院裁定、判决"),
  /** A court application (protection order, revocation of guardianship) as filed. */
  COURT_APPLICATION("向法院提交的申请书"),
  /** A signed case plan. */
  CASE_PLAN("签字的帮扶计划"),
  OTHER("其他");

  private final String label;

  DocumentType(String label) {
    this.label = label;
  }

  /** The Chinese name shown to caseworkers. */
  public String label() {
    return label;
  }
}
