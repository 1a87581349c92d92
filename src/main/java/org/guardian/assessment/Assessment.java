package org.guardian.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A guardianship-risk assessment in the child's file: the indicators as confirmed, the colour the
 * decision gave (and the decision definition and version that gave it), the colour confirmed by the
 * supervisor with the reason of a change, and what follows.
 */
@Entity
@Table(name = "guardianship_assessment")
class Assessment {

  static final String PENDING = "PENDING_CONFIRMATION";
  static final String CONFIRMED = "CONFIRMED";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "guardianship_assessment_seq")
  @SequenceGenerator(name = "guardianship_assessment_seq",
      sequenceName = "guardianship_assessment_seq", allocationSize = 50)
  private Long id;

  @Version
  private long version;

  @Column(name = "child_id", nullable = false, updatable = false)
  private long childId;

  @Column(name = "case_number", length = 20, updatable = false)
  private String caseNumber;

  @Column(name = "village_code", nullable = false, length = 12, updatable = false)
  private String villageCode;

  @Column(name = "process_instance_id", nullable = false, length = 64, updatable = false)
  private String processInstanceId;

  @Column(nullable = false, length = 4000, updatable = false)
  private String indicators;

  @Column(name = "computed_colour", nullable = false, length = 10, updatable = false)
  private String computedColour;

  @Column(name = "risk_reason", length = 100, updatable = false)
  private String riskReason;

  @Column(nullable = false, length = 10)
  private String colour;

  @Column(name = "next_step", nullable = false, length = 20)
  private String nextStep;

  @Column(name = "reassess_within_days", nullable = false)
  private int reassessWithinDays;

  @Column(name = "visit_every_days")
  private Integer visitEveryDays;

  @Column(name = "decision_key", nullable = false, length = 64, updatable = false)
  private String decisionKey;

  @Column(name = "decision_definition_id", nullable = false, length = 64, updatable = false)
  private String decisionDefinitionId;

  @Column(name = "decision_version", nullable = false, updatable = false)
  private int decisionVersion;

  @Column(name = "decision_instance_id", nullable = false, length = 64, updatable = false)
  private String decisionInstanceId;

  @Column(nullable = false, length = 20)
  private String status;

  @Column(name = "assessed_at", nullable = false, updatable = false)
  private Instant assessedAt;

  @Column(nullable = false)
  private boolean overridden;

  @Column(name = "override_reason", length = 500)
  private String overrideReason;

  @Column(name = "confirmed_by", length = 64)
  private String confirmedBy;

  @Column(name = "confirmed_at")
  private Instant confirmedAt;

  @Column(name = "override_decision_version")
  private Integer overrideDecisionVersion;

  @Column(name = "override_decision_instance_id", length = 64)
  private String overrideDecisionInstanceId;

  protected Assessment() {}

  Assessment(long childId, String caseNumber, String villageCode, String processInstanceId,
      String indicators, Outcome outcome, DecisionMade decision, Instant at) {
    this.childId = childId;
    this.caseNumber = caseNumber;
    this.villageCode = villageCode;
    this.processInstanceId = processInstanceId;
    this.indicators = indicators;
    this.computedColour = outcome.colour();
    this.riskReason = outcome.reason();
    this.colour = outcome.colour();
    this.nextStep = outcome.nextStep();
    this.reassessWithinDays = outcome.reassessWithinDays();
    this.visitEveryDays = outcome.visitEveryDays();
    this.decisionKey = decision.key();
    this.decisionDefinitionId = decision.definitionId();
    this.decisionVersion = decision.version();
    this.decisionInstanceId = decision.instanceId();
    this.status = PENDING;
    this.assessedAt = at;
  }

  /** What a decision gave. */
  record Outcome(String colour, String reason, String nextStep, int reassessWithinDays,
      Integer visitEveryDays) {}

  /** Which decision gave it: from Camunda's decision history. */
  record DecisionMade(String key, String definitionId, int version, String instanceId) {}

  void confirm(String by, Instant at) {
    this.status = CONFIRMED;
    this.confirmedBy = by;
    this.confirmedAt = at;
  }

  void override(Outcome outcome, String reason, DecisionMade decision, String by, Instant at) {
    this.overridden = true;
    this.overrideReason = reason;
    this.colour = outcome.colour();
    this.nextStep = outcome.nextStep();
    this.reassessWithinDays = outcome.reassessWithinDays();
    this.visitEveryDays = outcome.visitEveryDays();
    this.overrideDecisionVersion = decision.version();
    this.overrideDecisionInstanceId = decision.instanceId();
    confirm(by, at);
  }

  Long getId() {
    return id;
  }

  long getChildId() {
    return childId;
  }

  String getCaseNumber() {
    return caseNumber;
  }

  String getVillageCode() {
    return villageCode;
  }

  String getProcessInstanceId() {
    return processInstanceId;
  }

  String getIndicators() {
    return indicators;
  }

  String getComputedColour() {
    return computedColour;
  }

  String getRiskReason() {
    return riskReason;
  }

  String getColour() {
    return colour;
  }

  String getNextStep() {
    return nextStep;
  }

  int getReassessWithinDays() {
    return reassessWithinDays;
  }

  Integer getVisitEveryDays() {
    return visitEveryDays;
  }

  String getDecisionKey() {
    return decisionKey;
  }

  String getDecisionDefinitionId() {
    return decisionDefinitionId;
  }

  int getDecisionVersion() {
    return decisionVersion;
  }

  String getDecisionInstanceId() {
    return decisionInstanceId;
  }

  String getStatus() {
    return status;
  }

  Instant getAssessedAt() {
    return assessedAt;
  }

  boolean isOverridden() {
    return overridden;
  }

  String getOverrideReason() {
    return overrideReason;
  }

  String getConfirmedBy() {
    return confirmedBy;
  }

  Instant getConfirmedAt() {
    return confirmedAt;
  }

  Integer getOverrideDecisionVersion() {
    return overrideDecisionVersion;
  }

  String getOverrideDecisionInstanceId() {
    return overrideDecisionInstanceId;
  }
}
