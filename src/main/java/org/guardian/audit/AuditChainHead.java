package org.guardian.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last sealed entry of the audit chain. */
@Entity
@Table(name = "audit_chain_head")
class AuditChainHead {

  @Id
  private Integer id;

  @Column(name = "last_seq", nullable = false)
  private long lastSeq;

  @Column(name = "last_hash", nullable = false, length = 64)
  private String lastHash;

  protected AuditChainHead() {}

  long getLastSeq() {
    return lastSeq;
  }

  String getLastHash() {
    return lastHash;
  }

  void advance(long seq, String hash) {
    this.lastSeq = seq;
    this.lastHash = hash;
  }
}
