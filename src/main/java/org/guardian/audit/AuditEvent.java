package org.guardian.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One entry of the audit log: who did what to which child's file, when. The detail names fields and
 * counts, never personal data. Entries are only ever inserted.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
  @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false, updatable = false)
  private Instant at;

  @Column(nullable = false, updatable = false, length = 64)
  private String actor;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 40)
  private AuditAction action;

  @Column(name = "child_id", updatable = false)
  private Long childId;

  @Column(name = "area_code", updatable = false, length = 12)
  private String areaCode;

  @Column(updatable = false, length = 1000)
  private String detail;

  /** Place in the hash chain, set when the entry is sealed. */
  @Column(name = "chain_seq")
  private Long chainSeq;

  @Column(name = "prev_hash", length = 64)
  private String prevHash;

  @Column(length = 64)
  private String hash;

  protected AuditEvent() {}

  AuditEvent(Instant at, String actor, AuditAction action, Long childId, String areaCode,
      String detail) {
    this.at = at;
    this.actor = actor;
    this.action = action;
    this.childId = childId;
    this.areaCode = areaCode;
    this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
  }

  public Long getId() {
    return id;
  }

  public Instant getAt() {
    return at;
  }

  public String getActor() {
    return actor;
  }

  public AuditAction getAction() {
    return action;
  }

  public Long getChildId() {
    return childId;
  }

  public String getAreaCode() {
    return areaCode;
  }

  public String getDetail() {
    return detail;
  }

  public Long getChainSeq() {
    return chainSeq;
  }

  public String getPrevHash() {
    return prevHash;
  }

  public String getHash() {
    return hash;
  }

  void seal(long seq, String prevHash, String hash) {
    this.chainSeq = seq;
    this.prevHash = prevHash;
    this.hash = hash;
  }

  /** The text the hash covers: the entry's content and its place in the chain. */
  String canonical(long seq, String previous) {
    return seq + "|" + previous + "|" + at.toEpochMilli() + "|" + at.getNano() + "|" + actor + "|"
        + action + "|" + (childId == null ? "" : childId) + "|"
        + (areaCode == null ? "" : areaCode) + "|" + (detail == null ? "" : detail);
  }
}
