package org.guardian.audit;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.data.repository.Repository;

/**
 * Append-only access to the audit log: entries can be added, sealed into the chain and read, never
 * changed or removed through the application.
 */
interface AuditEventRepository extends Repository<AuditEvent, Long> {

  AuditEvent save(AuditEvent event);

  Page<AuditEvent> findAll(Specification<AuditEvent> spec, Pageable pageable);

  /**
   * Entries not yet in the chain, oldest first ({@link #findUnsealed}). Ordered by (hash, id),
   * the columns of {@code ix_audit_event_unsealed}, so that PostgreSQL walks that index whatever
   * its statistics say: ordered by id alone it walked the primary key past every sealed entry
   * when its statistics still counted them unsealed (after a bulk load, or V60 on an existing
   * log): 24 ms a look-up at 100,000 entries instead of 0.1 (docs/benchmarks.md item 40).
   */
  String UNSEALED = "select * from audit_event where hash is null order by hash, id limit :batch";

  @Query(value = UNSEALED, nativeQuery = true)
  List<AuditEvent> findUnsealed(@Param("batch") int batch);

  /** A stretch of the chain in order. */
  List<AuditEvent> findByChainSeqGreaterThanOrderByChainSeqAsc(long after, Pageable pageable);

  long countByHashIsNull();

  /** The head of the chain, locked so that one sealer at a time (on any node) extends it. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select h from AuditChainHead h where h.id = 1")
  Optional<AuditChainHead> lockHead();

  @Query("select h from AuditChainHead h where h.id = 1")
  Optional<AuditChainHead> head();
}
