package org.guardian.audit;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Append-only access to the audit log: entries can be added, sealed into the chain and read, never
 * changed or removed through the application.
 */
interface AuditEventRepository extends Repository<AuditEvent, Long> {

  AuditEvent save(AuditEvent event);

  Page<AuditEvent> findAll(Specification<AuditEvent> spec, Pageable pageable);

  /** Entries not yet in the chain, oldest first. */
  List<AuditEvent> findByHashIsNullOrderByIdAsc(Pageable pageable);

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
