package org.guardian.audit;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals audit entries into a SHA-256 hash chain and verifies it. Entries are written in the
 * transaction of the action they record (so writing stays cheap and concurrent); a sealer, one at a
 * time across all nodes (it locks the chain head), then gives each committed entry its place in the
 * chain, the previous entry's hash and its own. Changing, removing or reordering a sealed entry
 * breaks the chain at that place, which {@link #verify()} reports.
 *
 * <p>The sealer works in batches of 500 ({@link #BATCH}), each in a transaction of its own that
 * locks the head, seals the batch and moves the head on. A backlog (a county's national export
 * audits every file it exports: 100,000 entries) is then sealed at a steady pace, each batch
 * committed as it is done. Sealed in one transaction, every batch's look-up flushed all the
 * entries sealed before it (they stayed in the persistence context), so the work grew faster than
 * the backlog (on H2 18 s for 100,000 entries, 110 s for 300,000) and nothing was committed until
 * the end (docs/benchmarks.md, item 50).
 */
@Service
public class AuditChain {

  static final String GENESIS = "0".repeat(64);
  static final int BATCH = 500;

  /** How often a verification walks on after the head moved while it walked. */
  static final int CATCH_UP_WALKS = 10;

  private final AuditEventRepository repository;
  private final EntityManager entities;
  private final TransactionTemplate batchTransaction;

  AuditChain(AuditEventRepository repository, EntityManager entities,
      PlatformTransactionManager transactions) {
    this.repository = repository;
    this.entities = entities;
    this.batchTransaction = new TransactionTemplate(transactions);
  }

  /**
   * Seals the entries committed so far, a batch at a time; returns how many. A batch that fails
   * (its transaction rolled back) leaves the batches before it sealed, and the next run goes on
   * from there.
   */
  @Scheduled(fixedDelayString = "${guardian.audit.seal-interval:PT2S}")
  public int sealPending() {
    int sealed = 0;
    int batch;
    do {
      batch = sealBatch();
      sealed += batch;
    } while (batch == BATCH);
    return sealed;
  }

  /**
   * Seals at most {@value #BATCH} of the oldest unsealed entries and moves the head on, in a
   * transaction of its own (or the caller's); returns how many.
   */
  int sealBatch() {
    Integer sealed = batchTransaction.execute(status -> {
      AuditChainHead head = repository.lockHead()
          .orElseThrow(() -> new IllegalStateException("audit chain head missing"));
      long seq = head.getLastSeq();
      String previous = head.getLastHash();
      List<AuditEvent> pending = repository.findUnsealed(BATCH);
      for (AuditEvent event : pending) {
        seq++;
        String hash = sha256(event.canonical(seq, previous));
        event.seal(seq, previous, hash);
        repository.save(event);
        previous = hash;
      }
      head.advance(seq, previous);
      return pending.size();
    });
    return sealed == null ? 0 : sealed;
  }

  /** The result of walking the chain from its start. */
  public record Verification(boolean intact, long sealed, long pending, Long brokenAt,
      String reason) {}

  /**
   * Walks the whole chain, recomputing every hash, and checks that it ends at the head. The sealer
   * commits while the walk runs (a batch at a time): when the head has moved past the walk's end,
   * the walk goes on to it, so that a batch sealed after the walk's last page is not taken for
   * removed entries. The entries read are not kept (the chain of a county grows by the hundred
   * thousand with every national export); so the walk has a transaction of its own, where
   * clearing them cannot drop a caller's unwritten changes.
   */
  @Transactional(readOnly = true, propagation = Propagation.REQUIRES_NEW)
  public Verification verify() {
    long expectedSeq = 0;
    String previous = GENESIS;
    AuditChainHead head;
    int walks = 0;
    do {
      List<AuditEvent> page;
      do {
        page = repository.findByChainSeqGreaterThanOrderByChainSeqAsc(expectedSeq,
            PageRequest.of(0, BATCH));
        for (AuditEvent event : page) {
          long seq = event.getChainSeq();
          if (seq != expectedSeq + 1) {
            return broken(expectedSeq + 1, "entry " + (expectedSeq + 1) + " is missing");
          }
          if (!previous.equals(event.getPrevHash())) {
            return broken(seq, "entry " + seq + " does not follow the entry before it");
          }
          if (!sha256(event.canonical(seq, previous)).equals(event.getHash())) {
            return broken(seq, "entry " + seq + " was changed after it was sealed");
          }
          previous = event.getHash();
          expectedSeq = seq;
        }
        entities.clear();
      } while (page.size() == BATCH);
      head = repository.head().orElseThrow();
      entities.clear();
    } while (head.getLastSeq() > expectedSeq && ++walks < CATCH_UP_WALKS);
    if (head.getLastSeq() != expectedSeq || !head.getLastHash().equals(previous)) {
      return broken(expectedSeq + 1, "the chain ends before its recorded head "
          + head.getLastSeq() + " (entries removed)");
    }
    return new Verification(true, expectedSeq, repository.countByHashIsNull(), null, null);
  }

  private Verification broken(long at, String reason) {
    return new Verification(false, at - 1, repository.countByHashIsNull(), at, reason);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
