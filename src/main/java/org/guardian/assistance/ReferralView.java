package org.guardian.assistance;

import java.time.Instant;

/** A referral as the API shows it. */
record ReferralView(long id, String caseNumber, String department, Instant dueAt,
    ReferralState state, String rejectReason, boolean overdue) {

  static ReferralView of(Referral r) {
    return new ReferralView(r.getId(), r.getCaseNumber(), r.getDepartment(), r.getDueAt(),
        r.getState(), r.getRejectReason(), r.isOverdue());
  }
}
