package org.guardian.intervention;

import java.time.LocalDate;

/** An order as the child's file shows it. */
record OrderView(long id, String caseNumber, OrderKind kind, String kindLabel, String issuer,
    LocalDate issuedOn, String terms, OrderStatus status, LocalDate validUntil,
    String decisionNumber) {

  static OrderView of(InterventionOrder o) {
    return new OrderView(o.getId(), o.getCaseNumber(), o.getKind(), o.getKind().label(),
        o.getIssuer(), o.getIssuedOn(), o.getTerms(), o.getStatus(), o.getValidUntil(),
        o.getDecisionNumber());
  }
}
