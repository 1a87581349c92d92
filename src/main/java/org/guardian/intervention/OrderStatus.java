package org.guardian.intervention;

/** The status of an order in the child's file. */
public enum OrderStatus {
  /** Issued by its authority (dissuasion, admonition, warning, guidance and supervision orders). */
  ISSUED,
  /** Applied for at the court (protection order, revocation), ruling pending. */
  APPLIED,
  GRANTED,
  REFUSED,
  COMPLIED,
  NOT_COMPLIED,
  /** A protection order that will not be renewed: it lapses at its end of validity. */
  NOT_RENEWED,
  /** Long-term guardianship, restoration: in force from now on. */
  IN_FORCE
}
