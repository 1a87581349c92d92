package org.guardian.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.guardian.TestChildren;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit log is a hash chain: tampering with an entry, or removing one, is detected. */
@GuardianTest
class AuditChainTest {

  @Autowired TestRestTemplate rest;
  @Autowired AuditChain chain;
  @Autowired JdbcTemplate jdbc;

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
}
