package org.guardian.emergency;

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

/**
 * A placement decided in an emergency, in the child's file: with relatives, with the entrusted
 * caregiver, or temporary guardianship (临时监护) by the county centre on a statutory ground. Made
 * under a case number; the child's id is filled in as soon as the child is known.
 */
@Entity
@Table(name = "placement")
class Placement {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "placement_seq")
  @SequenceGenerator(name = "placement_seq", sequenceName = "placement_seq", allocationSize = 50)
  private Long id;

  @Version
  private long version;

  @Column(name = "case_number", nullable = false, length = 20, updatable = false)
  private String caseNumber;

  @Column(name = "child_id")
  private Long childId;

  @Column(name = "county_code", nullable = false, length = 6)
  private String countyCode;

  @Column(name = "township_code", nullable = false, length = 9)
  private String townshipCode;

  @Column(name = "village_code", length = 12)
  private String villageCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30, updatable = false)
  private PlacementKind kind;

  @Enumerated(EnumType.STRING)
  @Column(name = "statutory_ground", length = 40, updatable = false)
  private StatutoryGround statutoryGround;

  @Column(name = "caregiver_name", length = 50, updatable = false)
  private String caregiverName;

  @Column(name = "caregiver_relationship", length = 50, updatable = false)
  private String caregiverRelationship;

  @Column(name = "caregiver_phone", length = 20, updatable = false)
  private String caregiverPhone;

  @Column(length = 200, updatable = false)
  private String place;

  @Column(length = 1000, updatable = false)
  private String note;

  @Column(name = "decided_by", nullable = false, length = 64, updatable = false)
  private String decidedBy;

  @Column(name = "decided_at", nullable = false, updatable = false)
  private Instant decidedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private PlacementStatus status;

  @Column(nullable = false)
  private int reviews;

  @Column(name = "last_reviewed_at")
  private Instant lastReviewedAt;

  @Column(name = "last_review_note", length = 1000)
  private String lastReviewNote;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Column(name = "end_reason", length = 200)
  private String endReason;

  protected Placement() {}

  Placement(String caseNumber, Long childId, String countyCode, String townshipCode,
      String villageCode, PlacementKind kind, StatutoryGround ground, String caregiverName,
      String caregiverRelationship, String caregiverPhone, String place, String note,
      String decidedBy, Instant decidedAt) {
    this.caseNumber = caseNumber;
    this.childId = childId;
    this.countyCode = countyCode;
    this.townshipCode = townshipCode;
    this.villageCode = villageCode;
    this.kind = kind;
    this.statutoryGround = ground;
    this.caregiverName = caregiverName;
    this.caregiverRelationship = caregiverRelationship;
    this.caregiverPhone = caregiverPhone;
    this.place = place;
    this.note = note;
    this.decidedBy = decidedBy;
    this.decidedAt = decidedAt;
    this.status = PlacementStatus.ACTIVE;
  }

  void childKnown(long childId, String villageCode) {
    this.childId = childId;
    this.villageCode = villageCode;
  }

  void reviewed(Instant at, String note) {
    this.reviews++;
    this.lastReviewedAt = at;
    this.lastReviewNote = note;
  }

  void end(Instant at, String reason) {
    if (status == PlacementStatus.ENDED) {
      return;
    }
    this.status = PlacementStatus.ENDED;
    this.endedAt = at;
    this.endReason = reason;
  }

  Long getId() {
    return id;
  }

  String getCaseNumber() {
    return caseNumber;
  }

  Long getChildId() {
    return childId;
  }

  String getCountyCode() {
    return countyCode;
  }

  String getTownshipCode() {
    return townshipCode;
  }

  String getVillageCode() {
    return villageCode;
  }

  PlacementKind getKind() {
    return kind;
  }

  StatutoryGround getStatutoryGround() {
    return statutoryGround;
  }

  String getCaregiverName() {
    return caregiverName;
  }

  String getCaregiverRelationship() {
    return caregiverRelationship;
  }

  String getCaregiverPhone() {
    return caregiverPhone;
  }

  String getPlace() {
    return place;
  }

  String getNote() {
    return note;
  }

  String getDecidedBy() {
    return decidedBy;
  }

  Instant getDecidedAt() {
    return decidedAt;
  }

  PlacementStatus getStatus() {
    return status;
  }

  int getReviews() {
    return reviews;
  }

  Instant getLastReviewedAt() {
    return lastReviewedAt;
  }

  String getLastReviewNote() {
    return lastReviewNote;
  }

  Instant getEndedAt() {
    return endedAt;
  }

  String getEndReason() {
    return endReason;
  }
}
