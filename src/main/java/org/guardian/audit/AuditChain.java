package org.guardian.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seals audit entries into a SHA-256 hash chain and verifies it. Entries are written in the
 * transaction of the action they record (so writing stays cheap and concurrent); a sealer, one at a
 * time across all nodes (it locks the chain head), then gives each committed entry its place in the
 * chain, the previous entry's hash and its own. Changing, removing or reordering a sealed entry
 * breaks the chain at that place, which {@link #verify()} reports.
 */
@Service
public class AuditChain {

  static final String GENESIS = "0".repeat(64);
  private static final int BATCH = 500;

  private final AuditEventRepository repository;

  AuditChain(AuditEventRepository repository) {
    this.repository = repository;
  }

  /** Seals the entries committed so far; returns how many. */
  @Transactional
  @Scheduled(fixedDelayString = "${guardian.audit.seal-interval:PT2S}")
  public int sealPending() {
    AuditChainHead head = repository.lockHead()
        .orElseThrow(() -> new IllegalStateException("audit chain head missing"));
    long seq = head.getLastSeq();
    String previous = head.getLastHash();
    int sealed = 0;
    List<AuditEvent> pending;
    do {
      pending = repository.findUnsealed(BATCH);
      for (AuditEvent event : pending) {
        seq++;
        String hash = sha256(event.canonical(seq, previous));
        event.seal(seq, previous, hash);
        repository.save(event);
        previous = hash;
        sealed++;
      }
    } while (pending.size() == BATCH);
    head.advance(seq, previous);
    return sealed;
  }

  /** The result of walking the chain from its start. */
  public record Verification(boolean intact, long sealed, long pending, Long brokenAt,
      String reason) {}

  /** Walks the whole chain, recomputing every hash. */
  @Transactional(readOnly = true)
  public Verification verify() {
    long expectedSeq = 0;
    String previous = GENESIS;
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
    } while (page.size() == BATCH);
    AuditChainHead head = repository.head().orElseThrow();
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
