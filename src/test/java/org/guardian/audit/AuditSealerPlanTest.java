package org.guardian.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.guardian.GuardianTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sealer's look-up of unsealed entries walks {@code ix_audit_event_unsealed} on PostgreSQL even
 * when the statistics still count sealed entries as unsealed (after a bulk load, or V60 added the
 * chain to an existing log): ordered by id alone, the planner walked the primary key and filtered
 * out every sealed entry (docs/benchmarks.md item 40). Everything here is rolled back, statistics
 * included.
 */
@GuardianTest
class AuditSealerPlanTest {

  @Autowired
  DataSource dataSource;

  @Test
  void theLookUpOfUnsealedEntriesReadsTheirIndexWhateverTheStatisticsSay() throws Exception {
    Assumptions.assumeTrue("postgres".equals(System.getProperty("guardian.test.database")),
        "a PostgreSQL plan (the build's second run)");
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        long base;
        try (ResultSet r = s.executeQuery("select coalesce(max(id), 0) + 1000000 from audit_event")) {
          r.next();
          base = r.getLong(1);
        }
        // 50,000 entries, counted by the statistics while they are unsealed ...
        s.execute("insert into audit_event (id, at, actor, action, detail) select " + base
            + " + g, now(), 'system', 'CHILD_READ', repeat('x', 200)"
            + " from generate_series(1, 50000) g");
        s.execute("analyze audit_event");
        // ... then sealed, and 40 new ones after them
        s.execute("update audit_event set chain_seq = -id, prev_hash = md5(id::text),"
            + " hash = md5(id::text) where id > " + base);
        s.execute("insert into audit_event (id, at, actor, action) select " + base
            + " + 50000 + g, now(), 'system', 'CHILD_READ' from generate_series(1, 40) g");
        StringBuilder plan = new StringBuilder();
        try (ResultSet r = s.executeQuery("explain " + AuditEventRepository.UNSEALED
            .replace(":batch", "500"))) {
          while (r.next()) {
            plan.append(r.getString(1)).append('\n');
          }
        }
        assertThat(plan.toString()).contains("ix_audit_event_unsealed")
            .doesNotContain("audit_event_pkey");
      } finally {
        c.rollback();
      }
    }
  }
}
