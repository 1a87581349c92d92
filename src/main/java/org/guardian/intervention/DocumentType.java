package org.guardian.intervention;

/** What a document in the child's file is. */
public enum DocumentType {
  /** An order: admonition, warning, guidance or supervision order, protection order. */
  ORDER,
  /** A court's ruling or judgment (protection order, revocation of guardianship). */
  COURT_DECISION,
  /** A signed case plan. */
  CASE_PLAN,
  OTHER
}
