package org.guardian.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bulk seed of the monitoring of a county. Starting 100,000 monitoring instances through the
 * engine takes hours on two busy cores (about 7-10 a second measured here), so the bench starts a
 * hundred for real (templates: Guardian enrols them at start-up) and, node stopped, copies in SQL
 * ({@code insert ... select}) the rows of the template of the same profile (category, risk flag)
 * for each other child: the runtime rows (executions, the home-visit task, its candidate group and
 * authorization, variables, timer jobs, event subscriptions) and the instance's row of the process
 * history (Guardian's enrolment reads it). Each copy gets its own ids (the
 * template's time-based UUIDs with the node part replaced by "b" + the child's id in hex, which no
 * engine generates), its child's id as business key and childId, its village and township in the
 * candidate groups and area variables, and its due dates (task and timers) moved by 0-29 days, so
 * that the task list has a spread of due dates. Not copied: the rest of the history (activities,
 * tasks, variables, identity links, decisions): the measured queries do not read it, and on two
 * busy cores the copy runs at a few thousand rows a second.
 */
final class MonitoringClone {

  private static final Pattern UUID_END = Pattern.compile(".*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}"
      + "-[0-9a-f]{4}-[0-9a-f]{12}$");
  /** Tables copied by process instance id. */
  private static final String[][] BY_INSTANCE = {{"ACT_RU_EXECUTION", "PROC_INST_ID_"},
      {"ACT_RU_TASK", "PROC_INST_ID_"}, {"ACT_RU_VARIABLE", "PROC_INST_ID_"},
      {"ACT_RU_JOB", "PROCESS_INSTANCE_ID_"}, {"ACT_RU_EVENT_SUBSCR", "PROC_INST_ID_"},
      {"ACT_HI_PROCINST", "PROC_INST_ID_"}};
  /** Tables copied by the template's task ids: column holding the task id. */
  private static final String[][] BY_TASK = {{"ACT_RU_IDENTITYLINK", "TASK_ID_"},
      {"ACT_RU_AUTHORIZATION", "RESOURCE_ID_"}};

  private MonitoringClone() {}

  /** Copies the monitoring of a template of the same profile for every target child. */
  static long copy(Connection c, boolean postgres, List<CountySeed.Child> templates,
      List<CountySeed.Child> targets) throws SQLException {
    Map<String, CountySeed.Child> byProfile = new LinkedHashMap<>();
    Map<Long, String> instanceOf = new LinkedHashMap<>();
    for (CountySeed.Child t : templates) {
      if (!byProfile.containsKey(t.profile())) {
        String instance = instance(c, t);
        if (instance != null) {
          byProfile.put(t.profile(), t);
          instanceOf.put(t.id(), instance);
        }
      }
    }
    if (byProfile.isEmpty()) {
      throw new IllegalStateException("no running monitoring instance among the templates");
    }
    CountySeed.Child any = byProfile.values().iterator().next();
    try (Statement s = c.createStatement()) {
      s.execute("create table bench_target (child_id bigint not null primary key, child_key"
          + " varchar(20) not null, village varchar(12) not null, township varchar(9) not null,"
          + " node varchar(12) not null, shift_days integer not null, template bigint not null)");
    }
    c.setAutoCommit(false);
    try (PreparedStatement p = c.prepareStatement("insert into bench_target values (?, ?, ?, ?, ?,"
        + " ?, ?)")) {
      int k = 0;
      for (CountySeed.Child t : targets) {
        p.setLong(1, t.id());
        p.setString(2, String.valueOf(t.id()));
        p.setString(3, t.villageCode());
        p.setString(4, t.villageCode().substring(0, 9));
        p.setString(5, String.format("b%011x", t.id()));
        p.setInt(6, k % 30);
        p.setLong(7, byProfile.getOrDefault(t.profile(), any).id());
        p.addBatch();
        if (++k % 5000 == 0) {
          p.executeBatch();
        }
      }
      p.executeBatch();
      c.commit();
    }
    Bench.progress("clone: %d targets, %d template profiles", targets.size(), byProfile.size());
    long rows = 0;
    if (!postgres) {
      // H2 checks each copied row's foreign keys one by one; the copies are consistent by
      // construction (parents first), and the check triples the time of the copy
      try (Statement s = c.createStatement()) {
        s.execute("set referential_integrity false");
      }
    }
    for (CountySeed.Child template : byProfile.values()) {
      rows += copyTemplate(c, postgres, template, instanceOf.get(template.id()));
      c.commit();
    }
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute("drop table bench_target");
      if (!postgres) {
        s.execute("set referential_integrity true");
      }
    }
    return rows;
  }

  private static String instance(Connection c, CountySeed.Child child) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("select ID_ from ACT_HI_PROCINST where"
        + " BUSINESS_KEY_ = ? and PROC_DEF_KEY_ = 'monitoring' and END_TIME_ is null")) {
      p.setString(1, String.valueOf(child.id()));
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  private static long copyTemplate(Connection c, boolean postgres, CountySeed.Child template,
      String instance) throws SQLException {
    // the ids of the template's rows
    Set<String> ids = new LinkedHashSet<>();
    List<String> taskIds = new ArrayList<>();
    for (String[] t : BY_INSTANCE) {
      ids.addAll(strings(c, "select ID_ from " + t[0] + " where " + t[1] + " = ?", instance));
    }
    taskIds.addAll(strings(c, "select ID_ from ACT_RU_TASK where PROC_INST_ID_ = ?", instance));
    String taskList = quoted(taskIds);
    for (String[] t : BY_TASK) {
      if (!taskIds.isEmpty()) {
        ids.addAll(strings(c, "select ID_ from " + t[0] + " where " + t[1] + " in (" + taskList
            + ")", null));
      }
    }
    for (String id : ids) {
      if (!UUID_END.matcher(id).matches()) {
        throw new IllegalStateException("clone: id " + id + " does not end with a UUID");
      }
    }
    String idList = quoted(new ArrayList<>(ids));
    String child = String.valueOf(template.id());
    String village = template.villageCode();
    String township = village.substring(0, 9);
    long rows = 0;
    List<String[]> tables = new ArrayList<>();
    // executions parents first (foreign keys to the parent and the process instance)
    Map<String, String> parentOf = new LinkedHashMap<>();
    try (PreparedStatement p = c.prepareStatement(
        "select ID_, PARENT_ID_ from ACT_RU_EXECUTION where PROC_INST_ID_ = ?")) {
      p.setString(1, instance);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          parentOf.put(r.getString(1), r.getString(2));
        }
      }
    }
    Map<Integer, List<String>> byDepth = new java.util.TreeMap<>();
    for (String id : parentOf.keySet()) {
      int depth = 0;
      for (String up = parentOf.get(id); up != null; up = parentOf.get(up)) {
        depth++;
      }
      byDepth.computeIfAbsent(depth, d -> new ArrayList<>()).add(id);
    }
    for (List<String> level : byDepth.values()) {
      tables.add(new String[] {"ACT_RU_EXECUTION", "s.ID_ in (" + quoted(level) + ")"});
    }
    for (String[] t : BY_INSTANCE) {
      if (!t[0].equals("ACT_RU_EXECUTION")) {
        tables.add(new String[] {t[0], "s." + t[1] + " = '" + instance + "'"});
      }
    }
    if (!taskIds.isEmpty()) {
      for (String[] t : BY_TASK) {
        tables.add(new String[] {t[0], "s." + t[1] + " in (" + taskList + ")"});
      }
    }
    for (String[] t : tables) {
      List<String> columns = new ArrayList<>();
      List<String> exprs = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("select * from " + t[0] + " where 1 = 0")) {
        ResultSetMetaData md = r.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          columns.add(md.getColumnName(i).toUpperCase());
        }
        for (int i = 1; i <= md.getColumnCount(); i++) {
          String col = "s." + columns.get(i - 1);
          int type = md.getColumnType(i);
          if (type == Types.VARCHAR || type == Types.NVARCHAR || type == Types.CHAR) {
            exprs.add("case when " + col + " in (" + idList + ") then substring(" + col
                + " from 1 for length(" + col + ") - 12) || t.node"
                + " when " + col + " = '" + child + "' then t.child_key"
                + " when " + col + " like '%" + village + "%' then replace(" + col + ", '" + village
                + "', t.village)"
                + " when " + col + " like '%" + township + "%' then replace(" + col + ", '"
                + township + "', t.township) else " + col + " end");
          } else if (columns.get(i - 1).equals("LONG_") && columns.contains("NAME_")) {
            exprs.add("case when s.NAME_ = 'childId' then t.child_id else " + col + " end");
          } else if (columns.get(i - 1).equals("DUE_DATE_")
              || columns.get(i - 1).equals("DUEDATE_")) {
            exprs.add(postgres ? col + " + t.shift_days * interval '1 day'"
                : "dateadd(day, t.shift_days, " + col + ")");
          } else {
            exprs.add(col);
          }
        }
      }
      String sql = "insert into " + t[0] + " (" + String.join(", ", columns) + ") select "
          + String.join(", ", exprs) + " from " + t[0] + " s, bench_target t where t.template = "
          + template.id() + " and " + t[1];
      try (Statement s = c.createStatement()) {
        rows += s.executeUpdate(sql);
      }
    }
    Bench.progress("clone: template %s (%s): %d rows", template.id(), template.profile(), rows);
    return rows;
  }

  private static List<String> strings(Connection c, String sql, String param)
      throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement(sql)) {
      if (param != null) {
        p.setString(1, param);
      }
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
    }
    return out;
  }

  private static String quoted(List<String> values) {
    if (values.isEmpty()) {
      return "''";
    }
    return "'" + String.join("', '", values) + "'";
  }
}
