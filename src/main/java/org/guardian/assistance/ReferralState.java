package org.guardian.assistance;

/** The state of a referral to a partner department. */
public enum ReferralState {
  SENT, ACCEPTED, REJECTED, DONE
}
