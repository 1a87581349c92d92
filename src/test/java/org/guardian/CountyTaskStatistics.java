package org.guardian;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The statistics H2 plans the engine's task queries with in a county's database, for a plan test
 * on the small test database. H2 analyzes a table after every 2,000 changed rows; in a county's
 * task table (100,000 open home visits, no tenant) it finds one value in nearly every row of the
 * task's kind and of its tenant ({@code SELECTIVITY 1}, as in the bench's database). Without
 * statistics H2 takes every column's values for half distinct, and then costs an index on the kind
 * and the tenant that has a further column like the engine's index on the tenant alone.
 */
public final class CountyTaskStatistics implements AutoCloseable {

  private final Connection connection;

  private CountyTaskStatistics(Connection connection) {
    this.connection = connection;
  }

  /** Gives the task table a county's statistics until {@link #close}. */
  public static CountyTaskStatistics of(Connection h2) throws SQLException {
    try (Statement s = h2.createStatement()) {
      s.execute("alter table ACT_RU_TASK alter column TASK_DEF_KEY_ selectivity 1");
      s.execute("alter table ACT_RU_TASK alter column TENANT_ID_ selectivity 1");
    }
    return new CountyTaskStatistics(h2);
  }

  /** Back to the statistics of the test database's own rows. */
  @Override
  public void close() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("analyze table ACT_RU_TASK");
    }
  }
}
