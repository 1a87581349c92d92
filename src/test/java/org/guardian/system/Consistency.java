package org.guardian.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What must hold in the database after a load, a crash or two nodes, read with plain SQL from
 * Guardian's tables and the engine's together (so a step half-written in one of them shows). Each
 * check returns the problems it found, empty when all is well.
 */
final class Consistency {

  private final NodeDatabase database;

  Consistency(NodeDatabase database) {
    this.database = database;
  }

  /** Reports stored but not (yet) attached to a case. */
  long unroutedReports() {
    return count("select count(*) from report where case_id is null");
  }

  /** Every acknowledged report is stored; every report belongs to exactly one case of its own. */
  List<String> reports(Set<String> acknowledged) {
    List<String> problems = new ArrayList<>();
    Set<String> stored = new HashSet<>(strings("select number from report"));
    acknowledged.stream().filter(n -> !stored.contains(n))
        .forEach(n -> problems.add("acknowledged report " + n + " is missing"));
    problems.addAll(found("report %s has no case",
        "select number from report where case_id is null"));
    // the load reports each about another unregistered child: one case per report
    problems.addAll(found("case %s has more than one report",
        "select c.number from guardianship_case c join report r on r.case_id = c.id"
        + " where r.channel = 'REPORTER_API' group by c.number having count(*) > 1"));
    problems.addAll(found("case %s has no report",
        "select c.number from guardianship_case c where not exists"
        + " (select 1 from report r where r.case_id = c.id)"));
    return problems;
  }

  /**
   * Every case has its process; every case process has its case; a closed case's process has
   * ended and an open case's process runs.
   */
  List<String> cases() {
    List<String> problems = new ArrayList<>();
    problems.addAll(found("case %s has no process instance",
        "select c.number from guardianship_case c where c.process_instance_id is null"
        + " or not exists (select 1 from act_hi_procinst p where p.id_ = c.process_instance_id)"));
    problems.addAll(found("case process %s has no case",
        "select p.business_key_ from act_hi_procinst p where p.proc_def_key_ ="
        + " 'guardianship-case' and p.business_key_ like 'GC-%' and not exists"
        + " (select 1 from guardianship_case c where c.process_instance_id = p.id_)"));
    problems.addAll(found("case %s status does not match its process",
        "select c.number from guardianship_case c join act_hi_procinst p on p.id_ ="
        + " c.process_instance_id where (c.status = 'CLOSED' and p.end_time_ is null)"
        + " or (c.status = 'OPEN' and p.end_time_ is not null)"));
    problems.addAll(found("open untriaged case %s has not exactly one triage",
        "select c.number from guardianship_case c where c.status = 'OPEN' and (select"
        + " count(*) from act_ru_task t where t.proc_inst_id_ = c.process_instance_id"
        + " and t.task_def_key_ = 'Task_TriageReport') <> 1 and c.triaged_at is null"));
    return problems;
  }

  /** Each acknowledged triage ("unfounded") closed its case and ended its process. */
  List<String> triages(Set<String> acknowledged) {
    List<String> problems = new ArrayList<>();
    for (String pi : acknowledged) {
      List<String> state = strings("select c.status || ':' || coalesce(c.triage_decision, '-')"
          + " || ':' || case when p.end_time_ is null then 'running' else 'ended' end"
          + " from guardianship_case c join act_hi_procinst p on p.id_ = c.process_instance_id"
          + " where c.process_instance_id = ?", pi);
      if (!state.equals(List.of("CLOSED:unfounded:ended"))) {
        problems.add("acknowledged triage of " + pi + " not followed through: " + state);
      }
    }
    return problems;
  }

  /**
   * Per child: one monitoring instance, with exactly one open home visit; as many visit records as
   * completed home visit tasks, and at least as many as were acknowledged.
   */
  List<String> visits(Map<Long, AtomicInteger> acknowledged) {
    List<String> problems = new ArrayList<>();
    acknowledged.forEach((child, acked) -> {
      List<String> instances = strings("select id_ from act_hi_procinst where proc_def_key_ ="
          + " 'monitoring' and business_key_ = ?", String.valueOf(child));
      if (instances.size() != 1) {
        problems.add("child " + child + " has " + instances.size() + " monitoring instances");
        return;
      }
      String pi = instances.get(0);
      long open = count("select count(*) from act_ru_task where proc_inst_id_ = ?"
          + " and task_def_key_ = 'Task_HomeVisit'", pi);
      long completed = count("select count(*) from act_hi_taskinst where proc_inst_id_ = ?"
          + " and task_def_key_ = 'Task_HomeVisit' and delete_reason_ = 'completed'", pi);
      long recorded = count("select count(*) from visit_record where child_id = ?"
          + " and imported = false", child);
      if (open != 1) {
        problems.add("child " + child + " has " + open + " open home visits");
      }
      if (recorded != completed) {
        problems.add("child " + child + ": " + completed + " home visits completed, " + recorded
            + " recorded");
      }
      if (recorded < acked.get()) {
        problems.add("child " + child + ": " + acked.get() + " visits acknowledged, " + recorded
            + " recorded");
      }
    });
    return problems;
  }

  /** How often the activity ran in the instance (a timer event: how often it fired). */
  long ran(String processInstanceId, String activityId) {
    return count("select count(*) from act_hi_actinst where proc_inst_id_ = ? and act_id_ = ?",
        processInstanceId, activityId);
  }

  /** Open user tasks of the instance at the activity. */
  long openTasks(String processInstanceId, String taskKey) {
    return count("select count(*) from act_ru_task where proc_inst_id_ = ? and task_def_key_ = ?",
        processInstanceId, taskKey);
  }

  /** Failed jobs (incidents) with their messages. */
  List<String> incidents() {
    return strings("select incident_type_ || ' at ' || coalesce(activity_id_, '?') || ': '"
        + " || coalesce(incident_msg_, '') from act_ru_incident");
  }

  /** One problem per row the query finds, the row's value put into the description. */
  private List<String> found(String problem, String sql) {
    return strings(sql).stream().map(value -> problem.formatted(value)).toList();
  }

  long count(String sql, Object... params) {
    return Long.parseLong(strings(sql, params).get(0));
  }

  List<String> strings(String sql, Object... params) {
    try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      List<String> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
