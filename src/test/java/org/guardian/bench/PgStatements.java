package org.guardian.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Where one database's statement time went, from PostgreSQL's {@code pg_stat_statements} (the
 * bench's {@code --profile} on PostgreSQL): the totals and the statements that took the most time,
 * per measured case of the side that ran on that database; the time to plan them apart from the
 * time to execute them (the server tracks planning in a profile run).
 */
final class PgStatements {

  /** Enough to list every statement a case runs at least once, the cheap look-ups too. */
  static final int TOP = 150;

  /**
   * The {@code from} and {@code where} of one database's statements (its name the parameter); a
   * condition of a query's own follows with {@code and}.
   */
  private static final String OF_DATABASE = " from pg_stat_statements s"
      + " join pg_database d on d.oid = s.dbid where d.datname = ?";

  private PgStatements() {}

  static String of(Connection c, String database, double cases) throws SQLException {
    StringBuilder out = new StringBuilder();
    out.append(rows(c, database, "select count(*), coalesce(sum(calls), 0),"
        + " coalesce(sum(total_exec_time), 0), coalesce(sum(rows), 0),"
        + " coalesce(sum(total_plan_time), 0)" + OF_DATABASE,
        r -> String.format("== %s: %d statements, %.1f calls, %.2f ms, %.1f rows per case"
            + " (%.0f cases); planning %.2f ms per case%n", database, r.getLong(1),
            r.getLong(2) / cases, r.getDouble(3) / cases, r.getLong(4) / cases, cases,
            r.getDouble(5) / cases)));
    // by kind of statement (its first word, and the table of an insert, update or delete): how
    // many of each a case takes, the cheap ones that never reach the list below too (SET, BEGIN)
    out.append("   calls/case    ms/case  kind\n");
    out.append(rows(c, database, "select k, sum(calls), sum(total_exec_time)"
        + " from (select calls, total_exec_time, lower(split_part(ltrim(query), ' ', 1))"
        + " || case when lower(ltrim(query)) ~ '^(insert into|update|delete from) '"
        + " then ' ' || lower(substring(ltrim(query) from"
        + " '^(?:insert into|update|delete from) +([A-Za-z0-9_]+)')) else '' end as k"
        + OF_DATABASE + ") q group by k order by sum(calls) desc",
        r -> String.format("%13.2f %10.3f  %s%n", r.getLong(2) / cases,
            r.getDouble(3) / cases, r.getString(1))));
    // the reads by the first table they name: where one side's reads differ from the other's,
    // the many cheap look-ups too that never reach the costliest statements below
    out.append("   calls/case    ms/case  shapes  selects from\n");
    out.append(rows(c, database, "select t, sum(calls), sum(total_exec_time), count(*)"
        + " from (select calls, total_exec_time, lower(coalesce(substring(query from"
        + " '(?i)\\mfrom\\s+([A-Za-z_][A-Za-z0-9_]*)'), '?')) as t" + OF_DATABASE
        + " and lower(ltrim(query)) like 'select%') q group by t order by sum(calls) desc",
        r -> String.format("%13.2f %10.3f %7d  %s%n", r.getLong(2) / cases,
            r.getDouble(3) / cases, r.getLong(4), r.getString(1))));
    out.append(String.format("%10s %10s %9s %9s %10s %10s  %s%n", "ms/case", "calls/case",
        "mean ms", "rows/call", "plan ms/c", "plans/call", "statement"));
    out.append(rows(c, database, "select calls, total_exec_time, rows, query, total_plan_time,"
        + " plans" + OF_DATABASE + " order by total_exec_time + total_plan_time desc limit " + TOP,
        r -> {
          long calls = r.getLong(1);
          String query = r.getString(4).replaceAll("\\s+", " ");
          return String.format("%10.3f %10.2f %9.3f %9.1f %10.3f %10.2f  %s%n",
              r.getDouble(2) / cases, calls / cases, r.getDouble(2) / Math.max(1, calls),
              r.getLong(3) / (double) Math.max(1, calls), r.getDouble(5) / cases,
              r.getLong(6) / (double) Math.max(1, calls),
              query.length() > 400 ? query.substring(0, 400) + " …" : query);
        }));
    return out.append('\n').toString();
  }

  /** One line of a report from a row of a query's result. */
  private interface Row {
    String line(ResultSet r) throws SQLException;
  }

  /** The lines of {@code sql}'s rows, its one parameter the database's name. */
  private static String rows(Connection c, String database, String sql, Row row)
      throws SQLException {
    StringBuilder lines = new StringBuilder();
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      statement.setString(1, database);
      try (ResultSet r = statement.executeQuery()) {
        while (r.next()) {
          lines.append(row.line(r));
        }
      }
    }
    return lines.toString();
  }
}
