package org.guardian.system;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The row count of every table of the database (Guardian's and the engine's), to prove that a
 * refused request wrote nothing. Audit entries of refused access or refused deployments ({@code
 * *_DENIED}, {@code *_REFUSED}) are written on purpose: the {@code audit_event} figure counts the
 * other entries only.
 */
final class RowCounts {

  private static volatile List<String> tables;

  private RowCounts() {}

  static Map<String, Long> of(JdbcTemplate jdbc) {
    Map<String, Long> counts = new TreeMap<>();
    for (String table : tables(jdbc)) {
      String sql = table.equalsIgnoreCase("audit_event")
          ? "select count(*) from audit_event where action not like '%DENIED%'"
              + " and action not like '%REFUSED%'"
          : table.equalsIgnoreCase("audit_chain_head") ? null
          : "select count(*) from " + table;
      if (sql != null) {
        counts.put(table.toLowerCase(), jdbc.queryForObject(sql, Long.class));
      }
    }
    return counts;
  }

  /** The tables whose count differs, as {@code table: before → after}. */
  static List<String> changed(Map<String, Long> before, Map<String, Long> after) {
    List<String> out = new ArrayList<>();
    after.forEach((t, n) -> {
      if (!Objects.equals(before.get(t), n)) {
        out.add(t + ": " + before.get(t) + " → " + n);
      }
    });
    return out;
  }

  private static List<String> tables(JdbcTemplate jdbc) {
    if (tables == null) {
      tables = jdbc.execute((Connection c) -> {
        List<String> names = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        String schema = c.getSchema();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
          while (rs.next()) {
            String name = rs.getString("TABLE_NAME");
            // the engine's byte arrays and properties change with caches and id blocks
            if (!name.equalsIgnoreCase("flyway_schema_history")
                && !name.equalsIgnoreCase("act_ge_property")) {
              names.add(name);
            }
          }
        }
        return names;
      });
    }
    return tables;
  }
}
