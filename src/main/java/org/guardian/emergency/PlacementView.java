package org.guardian.emergency;

import java.time.Instant;

/** A placement as shown in the child's file. */
record PlacementView(long id, String caseNumber, PlacementKind kind, String kindLabel,
    StatutoryGround statutoryGround, String statutoryGroundText, String caregiverName,
    String caregiverRelationship, String caregiverPhone, String place, String note,
    String decidedBy, Instant decidedAt, PlacementStatus status, int reviews,
    Instant lastReviewedAt, String lastReviewNote, Instant endedAt, String endReason) {

  static PlacementView of(Placement p) {
    StatutoryGround g = p.getStatutoryGround();
    return new PlacementView(p.getId(), p.getCaseNumber(), p.getKind(), p.getKind().label(), g,
        g == null ? null : g.text(), p.getCaregiverName(), p.getCaregiverRelationship(),
        p.getCaregiverPhone(), p.getPlace(), p.getNote(), p.getDecidedBy(), p.getDecidedAt(),
        p.getStatus(), p.getReviews(), p.getLastReviewedAt(), p.getLastReviewNote(),
        p.getEndedAt(), p.getEndReason());
  }
}
