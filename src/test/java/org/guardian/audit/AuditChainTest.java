package org.guardian.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.guardian.TestChildren;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit log is a hash chain: tampering with an entry, or removing one, is detected. */
@GuardianTest
class AuditChainTest {

  @Autowired TestRestTemplate rest;
  @Autowired AuditChain chain;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditEventRepository events;
  @Autowired PlatformTransactionManager transactions;

  long newAuditedChild() {
    Api.Response created = Api.as(rest, "director-101201")
        .post("/api/children", TestChildren.leftBehind(TestChildren.VILLAGE_101201));
    long id = created.json().path("id").asLong();
    Api.as(rest, "csup-101").get("/api/children/" + id);
    chain.sealPending();
    return id;
  }

  @Test
  void sealedEntriesFormAnIntactChain() {
    newAuditedChild();
    JsonNode result = Api.as(rest, "supervisor").get("/api/audit/verify").json();
    assertThat(result.path("intact").asBoolean()).as(result.toString()).isTrue();
    assertThat(result.path("sealed").asLong()).isGreaterThan(0);
    assertThat(Api.as(rest, "chief-101").get("/api/audit/verify").status()).isEqualTo(403);
  }

  @Test
  void aChangedEntryBreaksTheChainWhereItWasChanged() {
    long child = newAuditedChild();
    Long seq = jdbc.queryForObject("select min(chain_seq) from audit_event where child_id = ? "
        + "and action = 'CHILD_READ'", Long.class, child);
    String original = jdbc.queryForObject("select actor from audit_event where chain_seq = ?",
        String.class, seq);
    try {
      jdbc.update("update audit_event set actor = 'someone-else' where chain_seq = ?", seq);
      AuditChain.Verification broken = chain.verify();
      assertThat(broken.intact()).isFalse();
      assertThat(broken.brokenAt()).isEqualTo(seq);
      assertThat(broken.reason()).contains("changed");
    } finally {
      jdbc.update("update audit_event set actor = ? where chain_seq = ?", original, seq);
    }
    assertThat(chain.verify().intact()).isTrue();
  }

  @Test
  void aRemovedEntryBreaksTheChain() {
    long child = newAuditedChild();
    Long seq = jdbc.queryForObject("select min(chain_seq) from audit_event where child_id = ? "
        + "and action = 'CHILD_READ'", Long.class, child);
    var row = jdbc.queryForMap("select * from audit_event where chain_seq = ?", seq);
    try {
      jdbc.update("delete from audit_event where chain_seq = ?", seq);
      AuditChain.Verification broken = chain.verify();
      assertThat(broken.intact()).isFalse();
      assertThat(broken.brokenAt()).isLessThanOrEqualTo(seq);
    } finally {
      jdbc.update("insert into audit_event (id, at, actor, action, child_id, area_code, detail, "
          + "chain_seq, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          row.get("id"), row.get("at"), row.get("actor"), row.get("action"), row.get("child_id"),
          row.get("area_code"), row.get("detail"), row.get("chain_seq"), row.get("prev_hash"),
          row.get("hash"));
    }
    assertThat(chain.verify().intact()).isTrue();
  }

  long head() {
    return jdbc.queryForObject("select last_seq from audit_chain_head where id = 1", Long.class);
  }

  /**
   * A backlog of more than a batch is sealed a batch per transaction: when a batch fails, the ones
   * before it stay sealed (sealed in one transaction, the whole backlog was rolled back).
   */
  @Test
  void aBacklogIsSealedABatchAtATimeAndAFailedBatchKeepsTheBatchesBeforeIt() {
    chain.sealPending();
    long head = head();
    // a row holding the place in the chain that the second batch's first entry would take
    jdbc.update("insert into audit_event (id, at, actor, action, chain_seq, prev_hash, hash) "
        + "values (-1, ?, 'test', 'CHILD_READ', ?, ?, ?)", Timestamp.from(Instant.now()),
        head + AuditChain.BATCH + 1, AuditChain.GENESIS, AuditChain.GENESIS);
    try {
      new TransactionTemplate(transactions).executeWithoutResult(status -> {
        for (int i = 0; i < AuditChain.BATCH + 5; i++) {
          events.save(new AuditEvent(Instant.now().truncatedTo(ChronoUnit.MICROS), "test",
              AuditAction.CHILD_READ, null, null, "backlog " + i));
        }
      });
      assertThatThrownBy(chain::sealPending)
          .isInstanceOf(DataIntegrityViolationException.class);
      assertThat(head()).isEqualTo(head + AuditChain.BATCH);
      assertThat(jdbc.queryForObject("select count(*) from audit_event where detail like "
          + "'backlog %' and hash is null", Long.class)).isEqualTo(5);
    } finally {
      jdbc.update("delete from audit_event where id = -1");
    }
    chain.sealPending();
    assertThat(head()).isEqualTo(head + AuditChain.BATCH + 5);
    AuditChain.Verification verified = chain.verify();
    assertThat(verified.intact()).as(verified.toString()).isTrue();
  }

  /**
   * The sealer commits batch after batch while a verification walks the chain: a batch sealed
   * after the walk's last page moves the head past the walk's end, which is not a removed entry.
   */
  @Test
  void aVerificationWhileBatchesAreSealedFindsTheChainIntact() throws Exception {
    ExecutorService sealer = Executors.newSingleThreadExecutor();
    AtomicBoolean stop = new AtomicBoolean();
    Future<?> sealing = sealer.submit(() -> {
      while (!stop.get()) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
          for (int i = 0; i < 20; i++) {
            events.save(new AuditEvent(Instant.now().truncatedTo(ChronoUnit.MICROS), "test",
                AuditAction.CHILD_READ, null, null, "while verifying " + i));
          }
        });
        chain.sealPending();
      }
      return null;
    });
    try {
      for (int i = 0; i < 40; i++) {
        AuditChain.Verification verified = chain.verify();
        assertThat(verified.intact()).as("verification %d: %s", i, verified).isTrue();
      }
    } finally {
      stop.set(true);
      sealing.get(60, TimeUnit.SECONDS);
      sealer.shutdown();
    }
  }
}
