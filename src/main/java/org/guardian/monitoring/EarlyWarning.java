package org.guardian.monitoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * An early warning (预警) in the child's file: the visit that raised it, the rules of the {@code
 * early-warning} decision that fired, and the scores they fired on. Written once.
 */
@Entity
@Table(name = "early_warning")
class EarlyWarning {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "early_warning_seq")
  @SequenceGenerator(name = "early_warning_seq", sequenceName = "early_warning_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "child_id", nullable = false, updatable = false)
  private long childId;

  @Column(name = "village_code", nullable = false, updatable = false, length = 12)
  private String villageCode;

  @Column(name = "visit_id", updatable = false)
  private Long visitId;

  @Column(name = "raised_at", nullable = false, updatable = false)
  private Instant raisedAt;

  /** Rule codes, comma separated. */
  @Column(name = "reasons", nullable = false, updatable = false, length = 200)
  private String reasons;

  @Column(name = "current_total", updatable = false)
  private Integer currentTotal;

  @Column(name = "previous_total", updatable = false)
  private Integer previousTotal;

  protected EarlyWarning() {}

  EarlyWarning(long childId, String villageCode, Long visitId, Instant raisedAt,
      List<String> reasons, Integer currentTotal, Integer previousTotal) {
    this.childId = childId;
    this.villageCode = villageCode;
    this.visitId = visitId;
    this.raisedAt = raisedAt;
    this.reasons = String.join(",", reasons);
    this.currentTotal = currentTotal;
    this.previousTotal = previousTotal;
  }

  Long getId() {
    return id;
  }

  long getChildId() {
    return childId;
  }

  String getVillageCode() {
    return villageCode;
  }

  Long getVisitId() {
    return visitId;
  }

  Instant getRaisedAt() {
    return raisedAt;
  }

  List<String> reasons() {
    return Arrays.stream(reasons.split(",")).filter(s -> !s.isBlank()).toList();
  }

  Integer getCurrentTotal() {
    return currentTotal;
  }

  Integer getPreviousTotal() {
    return previousTotal;
  }
}
