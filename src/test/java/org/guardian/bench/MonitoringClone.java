package org.guardian.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bulk seed of the monitoring of a county. Starting 100,000 monitoring instances through the
 * engine takes hours on two busy cores (about 10 a second measured), so the bench starts a few
 * hundred for real (templates: Guardian enrols them at start-up) and copies a template's rows for
 * each other child of the same profile (category, risk flag), node stopped: the runtime rows
 * (executions, the home-visit task, its candidate group and authorization, variables, timer jobs)
 * and the history rows of the instance (process, activities, task, variables, identity links).
 * Each copy gets its own ids (the template's id + "-" + child id), its child's id as business key
 * and childId, its village and township in the candidate groups and area variables, and its due
 * dates (task and timers) moved by 0-29 days so that the task list has a spread of due dates.
 * Not copied: decision history, variable-update details, job logs (they are not read by the
 * queries measured).
 */
final class MonitoringClone {

  /** Tables copied by process instance id. */
  private static final String[] BY_INSTANCE = {"ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE",
      "ACT_RU_JOB", "ACT_RU_EVENT_SUBSCR", "ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
      "ACT_HI_VARINST"};
  /** Tables copied by the template's task ids: column holding the task id. */
  private static final String[][] BY_TASK = {{"ACT_RU_IDENTITYLINK", "TASK_ID_"},
      {"ACT_HI_IDENTITYLINK", "TASK_ID_"}, {"ACT_RU_AUTHORIZATION", "RESOURCE_ID_"}};

  private record Table(String name, List<String> columns, List<Integer> types,
      List<Map<String, Object>> rows) {}

  private record Template(CountySeed.Child child, List<Table> tables, Set<String> ids) {}

  private MonitoringClone() {}

  /** Copies the monitoring of a template of the same profile for every target child. */
  static long copy(Connection c, List<CountySeed.Child> templates,
      List<CountySeed.Child> targets) throws SQLException {
    Map<String, Template> byProfile = new HashMap<>();
    Template any = null;
    for (CountySeed.Child t : templates) {
      if (byProfile.containsKey(t.profile())) {
        continue;
      }
      Template template = read(c, t);
      if (template != null) {
        byProfile.put(t.profile(), template);
        any = any == null ? template : any;
      }
    }
    if (any == null) {
      throw new IllegalStateException("no running monitoring instance among the templates");
    }
    Bench.progress("clone: %d template profiles", byProfile.size());
    c.setAutoCommit(false);
    Map<String, PreparedStatement> inserts = new LinkedHashMap<>();
    long rows = 0;
    try {
      int k = 0;
      for (CountySeed.Child target : targets) {
        Template t = byProfile.getOrDefault(target.profile(), any);
        rows += write(c, inserts, t, target, k);
        k++;
        if (k % 500 == 0 || k == targets.size()) {
          for (PreparedStatement p : inserts.values()) {
            p.executeBatch();
          }
          c.commit();
        }
        if (k % 10000 == 0) {
          Bench.progress("clone: monitoring of %d of %d children copied (%d rows)", k,
              targets.size(), rows);
        }
      }
    } finally {
      for (PreparedStatement p : inserts.values()) {
        p.close();
      }
      c.setAutoCommit(true);
    }
    return rows;
  }

  private static Template read(Connection c, CountySeed.Child child) throws SQLException {
    String instance = null;
    try (PreparedStatement p = c.prepareStatement("select ID_ from ACT_HI_PROCINST where"
        + " BUSINESS_KEY_ = ? and PROC_DEF_KEY_ = 'monitoring' and END_TIME_ is null")) {
      p.setString(1, String.valueOf(child.id()));
      try (ResultSet r = p.executeQuery()) {
        if (r.next()) {
          instance = r.getString(1);
        }
      }
    }
    if (instance == null) {
      return null;
    }
    List<Table> tables = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (String name : BY_INSTANCE) {
      tables.add(select(c, name, "PROC_INST_ID_", List.of(instance)));
    }
    List<String> taskIds = new ArrayList<>();
    for (Table t : tables) {
      for (Map<String, Object> row : t.rows()) {
        ids.add((String) row.get("ID_"));
        if (t.name().equals("ACT_RU_TASK")) {
          taskIds.add((String) row.get("ID_"));
        }
      }
    }
    for (String[] byTask : BY_TASK) {
      Table t = select(c, byTask[0], byTask[1], taskIds);
      tables.add(t);
      t.rows().forEach(row -> ids.add((String) row.get("ID_")));
    }
    return new Template(child, tables, ids);
  }

  private static Table select(Connection c, String table, String column, List<String> values)
      throws SQLException {
    List<String> columns = new ArrayList<>();
    List<Integer> types = new ArrayList<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String v : values) {
      try (PreparedStatement p = c.prepareStatement("select * from " + table + " where " + column
          + " = ?")) {
        p.setString(1, v);
        try (ResultSet r = p.executeQuery()) {
          ResultSetMetaData md = r.getMetaData();
          if (columns.isEmpty()) {
            for (int i = 1; i <= md.getColumnCount(); i++) {
              columns.add(md.getColumnName(i).toUpperCase());
              types.add(md.getColumnType(i));
            }
          }
          while (r.next()) {
            Map<String, Object> row = new HashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
              row.put(columns.get(i - 1), r.getObject(i));
            }
            rows.add(row);
          }
        }
      }
    }
    if (columns.isEmpty()) {
      try (PreparedStatement p = c.prepareStatement("select * from " + table + " where 1 = 0");
          ResultSet r = p.executeQuery()) {
        ResultSetMetaData md = r.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          columns.add(md.getColumnName(i).toUpperCase());
          types.add(md.getColumnType(i));
        }
      }
    }
    return new Table(table, columns, types, rows);
  }

  private static int write(Connection c, Map<String, PreparedStatement> inserts, Template t,
      CountySeed.Child target, int k) throws SQLException {
    String suffix = "-" + target.id();
    String fromChild = String.valueOf(t.child().id());
    String fromVillage = t.child().villageCode();
    String fromTownship = fromVillage.substring(0, 9);
    String toVillage = target.villageCode();
    String toTownship = toVillage.substring(0, 9);
    Duration shift = Duration.ofDays(k % 30);
    int n = 0;
    for (Table table : t.tables()) {
      if (table.rows().isEmpty()) {
        continue;
      }
      PreparedStatement p = inserts.get(table.name());
      if (p == null) {
        p = c.prepareStatement("insert into " + table.name() + " (" + String.join(", ",
            table.columns()) + ") values (" + "?, ".repeat(table.columns().size() - 1) + "?)");
        inserts.put(table.name(), p);
      }
      for (Map<String, Object> row : table.rows()) {
        boolean childIdVariable = "childId".equals(row.get("NAME_"))
            && table.name().contains("VAR");
        for (int i = 0; i < table.columns().size(); i++) {
          String col = table.columns().get(i);
          Object v = row.get(col);
          if (v instanceof String s) {
            if (t.ids().contains(s)) {
              v = s + suffix;
            } else if (s.equals(fromChild)) {
              v = String.valueOf(target.id());
            } else if (s.contains(fromVillage)) {
              v = s.replace(fromVillage, toVillage);
            } else if (s.contains(fromTownship)) {
              v = s.replace(fromTownship, toTownship);
            }
          } else if (childIdVariable && col.equals("LONG_") && v != null) {
            v = target.id();
          } else if (v instanceof Timestamp ts && (col.equals("DUE_DATE_")
              || col.equals("DUEDATE_"))) {
            v = Timestamp.from(ts.toInstant().plus(shift));
          }
          if (v == null) {
            p.setNull(i + 1, table.types().get(i) == Types.OTHER ? Types.VARCHAR
                : table.types().get(i));
          } else {
            p.setObject(i + 1, v);
          }
        }
        p.addBatch();
        n++;
      }
    }
    return n;
  }
}
