package org.guardian.assistance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A case plan (帮扶计划) in the child's file: goals, services, responsible people, review interval. */
@Entity
@Table(name = "case_plan")
class CasePlan {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_plan_seq")
  @SequenceGenerator(name = "case_plan_seq", sequenceName = "case_plan_seq", allocationSize = 50)
  private Long id;

  @Version
  private long version;

  @Column(name = "case_number", nullable = false, length = 20, updatable = false)
  private String caseNumber;

  @Column(name = "child_id", nullable = false, updatable = false)
  private Long childId;

  @Column(name = "risk_colour", length = 10, updatable = false)
  private String riskColour;

  @Column(nullable = false, length = 1000)
  private String goals;

  @Column(length = 500)
  private String services;

  @Column(nullable = false, length = 1000)
  private String responsible;

  @Column(name = "review_days", nullable = false)
  private int reviewDays;

  @Column(name = "drafted_by", nullable = false, length = 64, updatable = false)
  private String draftedBy;

  @Column(name = "drafted_at", nullable = false, updatable = false)
  private Instant draftedAt;

  @Column(name = "reviews", nullable = false)
  private int reviews;

  @Column(name = "achieved_at")
  private Instant achievedAt;

  protected CasePlan() {}

  CasePlan(String caseNumber, Long childId, String riskColour, String goals, String services,
      String responsible, int reviewDays, String draftedBy, Instant draftedAt) {
    this.caseNumber = caseNumber;
    this.childId = childId;
    this.riskColour = riskColour;
    this.goals = goals;
    this.services = services;
    this.responsible = responsible;
    this.reviewDays = reviewDays;
    this.draftedBy = draftedBy;
    this.draftedAt = draftedAt;
  }

  void reviewed(boolean achieved, int nextReviewDays, Instant at) {
    reviews++;
    reviewDays = nextReviewDays;
    if (achieved) {
      achievedAt = at;
    }
  }

  Long getId() { return id; }
  String getCaseNumber() { return caseNumber; }
  Long getChildId() { return childId; }
  String getGoals() { return goals; }
  int getReviews() { return reviews; }
  Instant getAchievedAt() { return achievedAt; }
}
