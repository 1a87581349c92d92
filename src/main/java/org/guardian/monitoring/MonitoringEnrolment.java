package org.guardian.monitoring;

import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.guardian.registry.ChildFileChanged;
import org.guardian.registry.ChildRegistered;
import org.guardian.registry.ChildService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts every child of the registry under monitoring and keeps the monitoring in step with the
 * child's file.
 *
 * <ul>
 *   <li>A child registered while the application runs: its {@code monitoring} instance starts in
 *       the registering transaction (a file is never without its monitoring, nor the reverse).
 *   <li>Children registered before the application is ready (imports and demo data at start-up)
 *       and files that predate monitoring: once the application is ready, every child without a
 *       monitoring instance (running or ended) gets one, if {@code
 *       guardian.monitoring.enrol-existing} is on. It is off in the test profile, where no process
 *       may start during start-up.
 *   <li>A change of the file (categories, flags, birth date, village) is followed after the change
 *       has committed, in a transaction of its own, retried on an optimistic-locking conflict with
 *       the instance (a visit completed at the same moment): a failure there never undoes the
 *       caseworker's change of the file, and the next visit cycle re-reads the file anyway.
 * </ul>
 */
@Component
class MonitoringEnrolment {

  private static final Logger log = LoggerFactory.getLogger(MonitoringEnrolment.class);
  private static final int ATTEMPTS = 3;
  static final int BATCH = 500;

  private final MonitoringService monitoring;
  private final ChildService children;
  private final TransactionTemplate ownTransaction;
  private final boolean enrolExisting;
  private volatile boolean ready;

  MonitoringEnrolment(MonitoringService monitoring, ChildService children,
      PlatformTransactionManager transactions,
      @Value("${guardian.monitoring.enrol-existing:true}") boolean enrolExisting) {
    this.monitoring = monitoring;
    this.children = children;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.enrolExisting = enrolExisting;
  }

  @EventListener
  void on(ChildRegistered event) {
    if (ready) {
      monitoring.start(event.childId());
    }
  }

  /** Before the node lets the next node start up (its start-up lock is released last). */
  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  void onReady() {
    ready = true;
    if (enrolExisting) {
      long t0 = System.nanoTime();
      int started = startMissing(0, Long.MAX_VALUE, BATCH);
      log.info("monitoring started for {} children without one ({} ms)", started,
          (System.nanoTime() - t0) / 1_000_000);
    }
  }

  /**
   * Starts monitoring for every child with an id greater than {@code afterId} and at most {@code
   * upToId} that never had it, one transaction each. The children are found in batches of {@code
   * batchSize} ({@value #BATCH} at start-up) by a keyed query (id order, after the last id seen),
   * so the sweep reads only the ids it enrols: nothing but one query without a row when every
   * child is enrolled, whatever the size of the county. (No brackets of interval notation here:
   * Spring Modulith's javadoc.json is read by a parser that counts them.)
   */
  int startMissing(long afterId, long upToId, int batchSize) {
    int started = 0;
    long after = afterId;
    List<Long> batch;
    do {
      batch = monitoring.unenrolledChildren(after, upToId, batchSize);
      started += startAll(batch);
      if (!batch.isEmpty()) {
        after = batch.get(batch.size() - 1);
      }
    } while (batch.size() == batchSize);
    return started;
  }

  private int startAll(List<Long> childIds) {
    int started = 0;
    for (long id : childIds) {
      try {
        monitoring.start(id);
        started++;
      } catch (RuntimeException e) {
        log.warn("monitoring of child file {} not started: {}", id, e.getClass().getSimpleName());
      }
    }
    return started;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(ChildFileChanged event) {
    if (event.fields().stream().noneMatch(f -> MonitoringService.CADENCE_FIELDS.contains(f)
        || MonitoringService.VILLAGE_FIELD.equals(f))) {
      return;
    }
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        ownTransaction.executeWithoutResult(status ->
            monitoring.follow(event.childId(), event.villageCode(), event.fields()));
        return;
      } catch (OptimisticLockingException | OptimisticLockingFailureException e) {
        log.info("monitoring of child file {}: conflict following a change (attempt {})",
            event.childId(), attempt);
      } catch (RuntimeException e) {
        log.warn("monitoring of child file {} did not follow a change: {}", event.childId(),
            e.getClass().getSimpleName());
        return;
      }
    }
    log.warn("monitoring of child file {} did not follow a change after {} attempts",
        event.childId(), ATTEMPTS);
  }
}
