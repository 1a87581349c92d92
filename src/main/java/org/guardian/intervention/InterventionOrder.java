package org.guardian.intervention;

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
import java.time.LocalDate;

/** An order (or recorded measure) of a guardianship intervention in the child's file. */
@Entity
@Table(name = "intervention_order")
class InterventionOrder {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "intervention_order_seq")
  @SequenceGenerator(name = "intervention_order_seq", sequenceName = "intervention_order_seq",
      allocationSize = 50)
  private Long id;

  @Version
  private long version;

  @Column(name = "case_number", nullable = false, length = 20, updatable = false)
  private String caseNumber;

  @Column(name = "child_id", nullable = false, updatable = false)
  private Long childId;

  @Column(name = "village_code", length = 12, updatable = false)
  private String villageCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30, updatable = false)
  private OrderKind kind;

  @Column(nullable = false, length = 100, updatable = false)
  private String issuer;

  @Column(name = "issued_on", nullable = false, updatable = false)
  private LocalDate issuedOn;

  @Column(length = 1000, updatable = false)
  private String terms;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private OrderStatus status;

  @Column(name = "valid_until")
  private LocalDate validUntil;

  @Column(name = "decision_number", length = 60)
  private String decisionNumber;

  @Column(name = "recorded_by", nullable = false, length = 64, updatable = false)
  private String recordedBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected InterventionOrder() {}

  InterventionOrder(String caseNumber, Long childId, String villageCode, OrderKind kind,
      String issuer, LocalDate issuedOn, String terms, OrderStatus status, String recordedBy,
      Instant at) {
    this.caseNumber = caseNumber;
    this.childId = childId;
    this.villageCode = villageCode;
    this.kind = kind;
    this.issuer = issuer;
    this.issuedOn = issuedOn;
    this.terms = terms;
    this.status = status;
    this.recordedBy = recordedBy;
    this.updatedAt = at;
  }

  void status(OrderStatus status, Instant at) {
    this.status = status;
    this.updatedAt = at;
  }

  void ruling(boolean granted, String decisionNumber, LocalDate validUntil, Instant at) {
    this.status = granted ? OrderStatus.GRANTED : OrderStatus.REFUSED;
    this.decisionNumber = decisionNumber;
    this.validUntil = validUntil;
    this.updatedAt = at;
  }

  Long getId() { return id; }
  String getCaseNumber() { return caseNumber; }
  Long getChildId() { return childId; }
  String getVillageCode() { return villageCode; }
  OrderKind getKind() { return kind; }
  String getIssuer() { return issuer; }
  LocalDate getIssuedOn() { return issuedOn; }
  String getTerms() { return terms; }
  OrderStatus getStatus() { return status; }
  LocalDate getValidUntil() { return validUntil; }
  String getDecisionNumber() { return decisionNumber; }
}
