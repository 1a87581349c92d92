package org.guardian.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plan of the task-list query as the node ran it: the node logs the engine's task queries
 * (MyBatis statement log of {@code TaskEntity.selectTaskByQueryCriteria} at DEBUG), the last one
 * filtering on a candidate group is taken with its parameters and run again with {@code EXPLAIN}
 * on the node's database.
 */
public final class QueryPlan {

  /**
   * The logger the harness sets to DEBUG on the node for the task-list step only, and back to WARN
   * after it ({@link GuardianNode#logLevel}): the task query's statement. Logged through the
   * measured runs it cost the node about 1 % of its CPU, which the limits did not pay.
   */
  static final String LOGGER = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity"
      + ".selectTaskByQueryCriteria";

  private static final Pattern PARAM = Pattern.compile("(.*?)\\((\\w+)\\)");

  private QueryPlan() {}

  /** Writes the plan to {@code out}; returns its text (or why there is none). */
  static String explain(Path nodeLog, Bench.Db db, String explainPrefix, Path out)
      throws Exception {
    List<String> lines = Files.readAllLines(nodeLog);
    String sql = null;
    String params = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int p = line.indexOf("==>  Preparing: ");
      if (p >= 0 && line.contains("GROUP_ID_") && line.contains("selectTaskByQueryCriteria")) {
        sql = line.substring(p + "==>  Preparing: ".length());
        for (int j = i + 1; j < Math.min(lines.size(), i + 5); j++) {
          int q = lines.get(j).indexOf("==> Parameters: ");
          if (q >= 0) {
            params = lines.get(j).substring(q + "==> Parameters: ".length());
            break;
          }
        }
      }
    }
    if (sql == null || params == null) {
      return "no candidate-group task query in " + nodeLog;
    }
    String filled = fill(sql, params);
    StringBuilder plan = new StringBuilder(filled).append("\n\n");
    run(db, explainPrefix + filled, plan);
    // the same query for the largest groups of the county: a village's child director holds the
    // open home visits of the village's children (N / 58 of the seeded N open tasks)
    // each group on its own: the order of the person's groups in the SQL is not fixed
    String director = filled.replace("'chief-101'", "'director-101201'")
        .replace("'station-chief@371330101'", "'child-director@371330101201'")
        .replace("'station-chief'", "'child-director'")
        .replace("'area-371330101'", "'area-371330101201'");
    if (!director.equals(filled)) {
      plan.append("\n-- the same query as director-101201 (child-director@371330101201):\n");
      run(db, explainPrefix + director, plan);
    }
    Files.writeString(out, plan.toString());
    return plan.toString();
  }

  private static void run(Bench.Db db, String sql, StringBuilder plan) throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        plan.append(rs.getString(1)).append('\n');
      }
    }
  }

  /**
   * A statement as MyBatis logs it ({@code ==>  Preparing: } and {@code ==> Parameters: }), its
   * parameters written into it as literals, ready for {@code EXPLAIN}.
   */
  public static String fill(String sql, String params) throws IOException {
    StringBuilder out = new StringBuilder();
    String[] values = params.isBlank() ? new String[0] : params.split(", (?=[^,]*\\(\\w+\\)(, |$))");
    int v = 0;
    for (char ch : sql.toCharArray()) {
      if (ch != '?') {
        out.append(ch);
        continue;
      }
      Matcher m = PARAM.matcher(values[v++].trim());
      if (!m.matches()) {
        throw new IOException("cannot read parameter " + values[v - 1]);
      }
      String type = m.group(2);
      String value = m.group(1);
      out.append(type.equals("String") || type.equals("Timestamp")
          ? "'" + value.replace("'", "''") + "'" : value);
    }
    return out.toString();
  }
}
