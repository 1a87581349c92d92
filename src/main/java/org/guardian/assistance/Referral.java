package org.guardian.assistance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A referral (转介) of a case to one partner department, with its due date and state. */
@Entity
@Table(name = "referral")
class Referral {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "referral_seq")
  @SequenceGenerator(name = "referral_seq", sequenceName = "referral_seq", allocationSize = 50)
  private Long id;

  @Version
  private long version;

  @Column(name = "case_number", nullable = false, length = 20, updatable = false)
  private String caseNumber;

  @Column(name = "child_id", nullable = false, updatable = false)
  private Long childId;

  @Column(nullable = false, length = 40, updatable = false)
  private String department;

  @Column(name = "sent_at", nullable = false, updatable = false)
  private Instant sentAt;

  @Column(name = "due_at", nullable = false, updatable = false)
  private Instant dueAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ReferralState state;

  @Column(name = "reject_reason", length = 500)
  private String rejectReason;

  @Column(length = 1000)
  private String note;

  @Column(nullable = false)
  private boolean overdue;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Referral() {}

  Referral(String caseNumber, Long childId, String department, Instant sentAt, Instant dueAt) {
    this.caseNumber = caseNumber;
    this.childId = childId;
    this.department = department;
    this.sentAt = sentAt;
    this.dueAt = dueAt;
    this.state = ReferralState.SENT;
    this.updatedAt = sentAt;
  }

  void answer(boolean accepted, String reason, Instant at) {
    state = accepted ? ReferralState.ACCEPTED : ReferralState.REJECTED;
    rejectReason = accepted ? null : reason;
    updatedAt = at;
  }

  void done(String note, Instant at) {
    state = ReferralState.DONE;
    this.note = note;
    updatedAt = at;
  }

  void overdue(Instant at) {
    overdue = true;
    updatedAt = at;
  }

  Long getId() { return id; }
  String getCaseNumber() { return caseNumber; }
  Long getChildId() { return childId; }
  String getDepartment() { return department; }
  Instant getDueAt() { return dueAt; }
  ReferralState getState() { return state; }
  String getRejectReason() { return rejectReason; }
  boolean isOverdue() { return overdue; }
}
