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
 * *_DENIED}, {@code *_REFUSED}) and of reads ({@code *_READ}: a page that refuses an upload shows
 * the file's documents again, and that read is audited) are written on purpose: the {@code
 * audit_event} figure counts the other entries only.
 */
final class RowCounts {

  private static volatile List<String> tables;
  private static volatile String sql;

  private RowCounts() {}

  static Map<String, Long> of(JdbcTemplate jdbc) {
    if (sql == null) {
      StringBuilder b = new StringBuilder();
      for (String table : tables(jdbc)) {
        if (table.equalsIgnoreCase("audit_chain_head")) {
          continue; // the chain's head moves with every entry, counted in audit_event
        }
        b.append(b.isEmpty() ? "" : " union all ").append("select '")
            .append(table.toLowerCase()).append("', count(*) from ").append(table);
        if (table.equalsIgnoreCase("audit_event")) {
          b.append(" where action not like '%DENIED%' and action not like '%REFUSED%'"
              + " and action not like '%\\_READ' escape '\\'");
        }
      }
      sql = b.toString();
    }
    Map<String, Long> counts = new TreeMap<>();
    // one statement for all tables: a snapshot costs one round trip
    jdbc.query(sql, rs -> {
      counts.put(rs.getString(1), rs.getLong(2));
    });
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
