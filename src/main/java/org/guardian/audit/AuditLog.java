package org.guardian.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.guardian.common.PageResult;
import org.guardian.people.CurrentUser;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log of children's files. {@link #record} joins the caller's transaction, so a change and
 * its audit entry are written together or not at all; a read that cannot be audited fails.
 */
@Service
public class AuditLog {

  /** Entries {@link #recordEach} writes before it lets them go. */
  static final int BATCH = 500;

  private final AuditEventRepository repository;
  private final EntityManager entityManager;
  private final Clock clock;

  AuditLog(AuditEventRepository repository, EntityManager entityManager) {
    this.repository = repository;
    this.entityManager = entityManager;
    this.clock = Clock.systemUTC();
  }

  /** Records an action of the current user on a child's file (childId and areaCode may be null). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(AuditAction action, Long childId, String areaCode, String detail) {
    repository.save(new AuditEvent(now(), CurrentUser.get().id(), action, childId,
        areaCode, detail));
  }

  /**
   * Records the same action of the current user on each of many children's files (an export of an
   * area's files), in the caller's transaction, like {@link #record}: {@code areaOfChild} maps each
   * child's id to its area code. The entries are written {@value #BATCH} at a time and then let go
   * by the persistence context, which would otherwise hold every one until the commit (100,000 for
   * a county's national export).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void recordEach(AuditAction action, Map<Long, String> areaOfChild, String detail) {
    String actor = CurrentUser.get().id();
    List<AuditEvent> batch = new ArrayList<>(BATCH);
    for (Map.Entry<Long, String> file : areaOfChild.entrySet()) {
      batch.add(repository.save(new AuditEvent(now(), actor, action, file.getKey(),
          file.getValue(), detail)));
      if (batch.size() == BATCH) {
        letGo(batch);
      }
    }
    letGo(batch);
  }

  private void letGo(List<AuditEvent> batch) {
    entityManager.flush();
    batch.forEach(entityManager::detach);
    batch.clear();
  }

  /**
   * Records an action in a transaction of its own, for refusals: the refused request is rolled back
   * but its record stays.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordSeparately(AuditAction action, Long childId, String areaCode, String detail) {
    repository.save(new AuditEvent(now(), CurrentUser.get().id(), action, childId,
        areaCode, detail));
  }

  /** Microseconds: what both databases store, so a sealed entry hashes the same when read back. */
  private Instant now() {
    return Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  /** The entries the query selects, newest first, limited to the areas the caller covers. */
  @Transactional(readOnly = true)
  public PageResult<AuditEntry> list(AuditQuery query, CurrentUser viewer, int page, int size) {
    Specification<AuditEvent> spec = (root, q, cb) -> {
      List<Predicate> where = new ArrayList<>();
      if (query.childId() != null) {
        where.add(cb.equal(root.get("childId"), query.childId()));
      }
      if (query.actor() != null) {
        where.add(cb.equal(root.get("actor"), query.actor()));
      }
      if (query.action() != null) {
        where.add(cb.equal(root.get("action"), query.action()));
      }
      if (query.from() != null) {
        where.add(cb.greaterThanOrEqualTo(root.get("at"), query.from()));
      }
      if (query.to() != null) {
        where.add(cb.lessThan(root.get("at"), query.to()));
      }
      if (!viewer.isAdmin()) {
        List<Predicate> areas = viewer.areaCodes().stream()
            .map(code -> cb.like(root.get("areaCode"), code + "%")).toList();
        where.add(areas.isEmpty() ? cb.disjunction() : cb.or(areas.toArray(Predicate[]::new)));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
    var result = repository.findAll(spec,
        PageRequest.of(page, size, Sort.by(Sort.Order.desc("at"), Sort.Order.desc("id"))));
    return PageResult.of(result, AuditEntry::of);
  }

  /** Filters of an audit listing; each may be null. */
  public record AuditQuery(Long childId, String actor, AuditAction action, Instant from,
      Instant to) {}

  /** One audit entry as listed to a supervisor. */
  public record AuditEntry(long id, Instant at, String actor, AuditAction action, Long childId,
      String areaCode, String detail) {
    static AuditEntry of(AuditEvent e) {
      return new AuditEntry(e.getId(), e.getAt(), e.getActor(), e.getAction(), e.getChildId(),
          e.getAreaCode(), e.getDetail());
    }
  }
}
