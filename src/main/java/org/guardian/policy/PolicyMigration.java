package org.guardian.policy;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The report of one migration of running instances to a new process version: which instances went
 * into the Camunda batch and which were refused, with the reasons, so that no refused case is
 * forgotten once the answer to the request is gone.
 */
@Entity
@Table(name = "policy_migration")
class PolicyMigration {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "policy_migration_seq")
  @SequenceGenerator(name = "policy_migration_seq", sequenceName = "policy_migration_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(nullable = false, length = 64)
  private String actor;

  @Column(name = "process_key", nullable = false)
  private String processKey;

  @Column(name = "source_definition_id", nullable = false, length = 64)
  private String sourceDefinitionId;

  @Column(name = "source_version", nullable = false)
  private int sourceVersion;

  @Column(name = "target_definition_id", nullable = false, length = 64)
  private String targetDefinitionId;

  @Column(name = "target_version", nullable = false)
  private int targetVersion;

  @Column(name = "batch_id", length = 64)
  private String batchId;

  @Column(name = "migrated_count", nullable = false)
  private int migratedCount;

  @Column(name = "refused_count", nullable = false)
  private int refusedCount;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "policy_migration_instance",
      joinColumns = @JoinColumn(name = "migration_id"))
  @Column(name = "process_instance_id", length = 64)
  private List<String> migrated = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "policy_migration_refusal",
      joinColumns = @JoinColumn(name = "migration_id"))
  private List<Refusal> refused = new ArrayList<>();

  protected PolicyMigration() {}

  PolicyMigration(Instant createdAt, String actor, String processKey, String sourceDefinitionId,
      int sourceVersion, String targetDefinitionId, int targetVersion, String batchId,
      List<String> migrated, List<Refusal> refused) {
    this.createdAt = createdAt;
    this.actor = actor;
    this.processKey = processKey;
    this.sourceDefinitionId = sourceDefinitionId;
    this.sourceVersion = sourceVersion;
    this.targetDefinitionId = targetDefinitionId;
    this.targetVersion = targetVersion;
    this.batchId = batchId;
    this.migrated = new ArrayList<>(migrated);
    this.refused = new ArrayList<>(refused);
    this.migratedCount = migrated.size();
    this.refusedCount = refused.size();
  }

  /** An instance that could not migrate. */
  @Embeddable
  static class Refusal {
    @Column(name = "process_instance_id", nullable = false, length = 64)
    private String processInstanceId;

    @Column(name = "business_key")
    private String businessKey;

    @Column(name = "activity_ids", length = 1000)
    private String activityIds;

    @Column(nullable = false, length = 4000)
    private String reasons;

    protected Refusal() {}

    Refusal(String processInstanceId, String businessKey, String activityIds, String reasons) {
      this.processInstanceId = processInstanceId;
      this.businessKey = businessKey;
      this.activityIds = cut(activityIds, 1000);
      this.reasons = cut(reasons, 4000);
    }

    String processInstanceId() {
      return processInstanceId;
    }

    String businessKey() {
      return businessKey;
    }

    String activityIds() {
      return activityIds;
    }

    String reasons() {
      return reasons;
    }
  }

  static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  Long id() {
    return id;
  }

  Instant createdAt() {
    return createdAt;
  }

  String actor() {
    return actor;
  }

  String processKey() {
    return processKey;
  }

  String sourceDefinitionId() {
    return sourceDefinitionId;
  }

  int sourceVersion() {
    return sourceVersion;
  }

  String targetDefinitionId() {
    return targetDefinitionId;
  }

  int targetVersion() {
    return targetVersion;
  }

  String batchId() {
    return batchId;
  }

  List<String> migrated() {
    return migrated;
  }

  List<Refusal> refused() {
    return refused;
  }
}
