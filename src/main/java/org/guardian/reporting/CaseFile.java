package org.guardian.reporting;

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
import org.guardian.people.Routing;

/**
 * A guardianship case (监护干预案件): opened by a report, one open case per child at a time (the
 * unique column {@code open_child_id} holds the child's id while the case is open). Records the
 * triage (priority, override and its reason, who and when), escalations, the assessed colour and the
 * hand-over, and how the case ended.
 */
@Entity
@Table(name = "guardianship_case")
class CaseFile {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "guardianship_case_seq")
  @SequenceGenerator(name = "guardianship_case_seq", sequenceName = "guardianship_case_seq",
      allocationSize = 50)
  private Long id;

  @Version
  private long version;

  @Column(nullable = false, length = 20, updatable = false)
  private String number;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private CaseStatus status;

  @Column(name = "child_id")
  private Long childId;

  @Column(name = "open_child_id")
  private Long openChildId;

  @Column(name = "village_code", length = 12)
  private String villageCode;

  @Column(name = "township_code", nullable = false, length = 9)
  private String townshipCode;

  @Column(name = "county_code", nullable = false, length = 6)
  private String countyCode;

  @Column(name = "process_instance_id", length = 64)
  private String processInstanceId;

  @Column(name = "opened_at", nullable = false, updatable = false)
  private Instant openedAt;

  @Column(name = "computed_priority", length = 20)
  private String computedPriority;

  @Column(name = "priority_reason", length = 100)
  private String priorityReason;

  @Column(name = "priority_decision_id", length = 64)
  private String priorityDecisionId;

  @Column(name = "priority_decision_version")
  private Integer priorityDecisionVersion;

  @Column(length = 20)
  private String priority;

  @Column(name = "priority_overridden", nullable = false)
  private boolean priorityOverridden;

  @Column(name = "priority_override_reason", length = 500)
  private String priorityOverrideReason;

  @Column(name = "triage_decision", length = 20)
  private String triageDecision;

  @Column(name = "triage_note", length = 1000)
  private String triageNote;

  @Column(name = "triaged_by", length = 64)
  private String triagedBy;

  @Column(name = "triaged_at")
  private Instant triagedAt;

  @Column(name = "escalated_to_centre_at")
  private Instant escalatedToCentreAt;

  @Column(name = "escalated_to_supervisor_at")
  private Instant escalatedToSupervisorAt;

  @Column(name = "risk_colour", length = 10)
  private String riskColour;

  @Column(name = "next_step", length = 20)
  private String nextStep;

  @Column(name = "handed_over_at")
  private Instant handedOverAt;

  @Column(name = "merged_into", length = 20)
  private String mergedInto;

  @Column(name = "closure_reason", length = 30)
  private String closureReason;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "closure_outcome", length = 1000)
  private String closureOutcome;

  @Column(name = "closure_approved_by", length = 64)
  private String closureApprovedBy;

  @Column(name = "return_visits", nullable = false)
  private int returnVisits;

  @Column(name = "renewed_risk_at")
  private Instant renewedRiskAt;

  protected CaseFile() {}

  CaseFile(String number, Long childId, String villageCode, String townshipCode, Instant at) {
    this.number = number;
    this.status = CaseStatus.OPEN;
    this.childId = childId;
    this.openChildId = childId;
    this.villageCode = villageCode;
    this.townshipCode = townshipCode;
    this.countyCode = Routing.county(townshipCode);
    this.openedAt = at;
  }

  boolean isOpen() {
    return status == CaseStatus.OPEN || status == CaseStatus.HANDED_OVER;
  }

  void startedAs(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void prioritised(String computed, String reason, String decisionId, Integer decisionVersion) {
    this.computedPriority = computed;
    this.priorityReason = reason;
    this.priorityDecisionId = decisionId;
    this.priorityDecisionVersion = decisionVersion;
  }

  void triaged(String decision, String chosenPriority, String overrideReason, String note,
      String by, Instant at) {
    this.triageDecision = decision;
    this.priority = chosenPriority;
    this.priorityOverridden = computedPriority != null && !computedPriority.equals(chosenPriority);
    this.priorityOverrideReason = priorityOverridden ? overrideReason : null;
    this.triageNote = note;
    this.triagedBy = by;
    this.triagedAt = at;
  }

  void escalatedToCentre(Instant at) {
    this.escalatedToCentreAt = at;
  }

  void escalatedToSupervisor(Instant at) {
    this.escalatedToSupervisorAt = at;
  }

  /** The child is now known; the case becomes the child's open case. */
  void linkChild(long childId, String villageCode, String townshipCode) {
    this.childId = childId;
    this.openChildId = childId;
    this.villageCode = villageCode;
    this.townshipCode = townshipCode;
    this.countyCode = Routing.county(townshipCode);
  }

  void mergeInto(String otherNumber, long childId, Instant at) {
    this.childId = childId;
    this.openChildId = null;
    this.status = CaseStatus.MERGED;
    this.mergedInto = otherNumber;
    this.closureReason = "MERGED";
    this.closedAt = at;
  }

  void handOver(String colour, String step, Instant at) {
    this.riskColour = colour;
    this.nextStep = step;
    this.status = CaseStatus.HANDED_OVER;
    this.handedOverAt = at;
  }

  /** Closure approved by the station chief after assistance and intervention. */
  void closeApproved(String reason, String outcome, String approvedBy, Instant at) {
    close(reason, at);
    this.closureOutcome = outcome;
    this.closureApprovedBy = approvedBy;
  }

  /** A return visit after closure; returns how many have been made. */
  int returnVisit(Instant at) {
    return ++returnVisits;
  }

  void renewedRisk(Instant at) {
    renewedRiskAt = at;
  }

  String getClosureOutcome() {
    return closureOutcome;
  }

  String getClosureApprovedBy() {
    return closureApprovedBy;
  }

  int getReturnVisits() {
    return returnVisits;
  }

  void assessed(String colour, String step) {
    this.riskColour = colour;
    this.nextStep = step;
  }

  void close(String reason, Instant at) {
    this.status = CaseStatus.CLOSED;
    this.openChildId = null;
    this.closureReason = reason;
    this.closedAt = at;
  }

  Long getId() {
    return id;
  }

  String getNumber() {
    return number;
  }

  CaseStatus getStatus() {
    return status;
  }

  Long getChildId() {
    return childId;
  }

  String getVillageCode() {
    return villageCode;
  }

  String getTownshipCode() {
    return townshipCode;
  }

  String getCountyCode() {
    return countyCode;
  }

  String getProcessInstanceId() {
    return processInstanceId;
  }

  Instant getOpenedAt() {
    return openedAt;
  }

  String getComputedPriority() {
    return computedPriority;
  }

  String getPriorityReason() {
    return priorityReason;
  }

  String getPriorityDecisionId() {
    return priorityDecisionId;
  }

  Integer getPriorityDecisionVersion() {
    return priorityDecisionVersion;
  }

  String getPriority() {
    return priority;
  }

  boolean isPriorityOverridden() {
    return priorityOverridden;
  }

  String getPriorityOverrideReason() {
    return priorityOverrideReason;
  }

  String getTriageDecision() {
    return triageDecision;
  }

  String getTriageNote() {
    return triageNote;
  }

  String getTriagedBy() {
    return triagedBy;
  }

  Instant getTriagedAt() {
    return triagedAt;
  }

  Instant getEscalatedToCentreAt() {
    return escalatedToCentreAt;
  }

  Instant getEscalatedToSupervisorAt() {
    return escalatedToSupervisorAt;
  }

  String getRiskColour() {
    return riskColour;
  }

  String getNextStep() {
    return nextStep;
  }

  Instant getHandedOverAt() {
    return handedOverAt;
  }

  String getMergedInto() {
    return mergedInto;
  }

  String getClosureReason() {
    return closureReason;
  }

  Instant getClosedAt() {
    return closedAt;
  }
}
