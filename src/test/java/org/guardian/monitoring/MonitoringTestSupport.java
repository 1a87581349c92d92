package org.guardian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.guardian.Api;
import org.guardian.TestChildren;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Children, visits and clock moves for the tests of monitoring. */
final class MonitoringTestSupport {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final String VILLAGE = TestChildren.VILLAGE_101201;
  static final String TOWNSHIP = "371330101";
  static final String DIRECTOR = "director-101201";

  private final TestRestTemplate rest;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;

  MonitoringTestSupport(TestRestTemplate rest, RuntimeService runtime, TaskService tasks,
      ManagementService management) {
    this.rest = rest;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
  }

  /** A child of the village with these categories, flags and kind of difficulty. */
  static Map<String, Object> child(List<String> categories, List<String> flags,
      String difficultyKind) {
    Map<String, Object> body = TestChildren.leftBehind(VILLAGE);
    body.put("categories", categories);
    body.put("riskFlags", flags);
    if (difficultyKind != null) {
      body.put("difficultyKind", difficultyKind);
    }
    return body;
  }

  static Map<String, Object> leftBehind() {
    return TestChildren.leftBehind(VILLAGE);
  }

  /** The body with another birth date (and an ID number that matches it). */
  static Map<String, Object> bornOn(Map<String, Object> body, LocalDate birth) {
    body.put("birthDate", birth.toString());
    body.put("idNumber", TestChildren.idNumber(birth, true));
    return body;
  }

  /** Registers the child as the village's child director; returns its file id. */
  long register(Map<String, Object> body) {
    Api.Response created = Api.as(rest, DIRECTOR).post("/api/children", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asLong();
  }

  /** Changes the child's file as the village's child director (the body as last sent). */
  void update(long childId, Map<String, Object> body) {
    update(childId, body, DIRECTOR);
  }

  /** Changes the child's file as a person who may (the body as last sent, with the version). */
  void update(long childId, Map<String, Object> body, String user) {
    Api api = Api.as(rest, user);
    Api.Response read = api.get("/api/children/" + childId);
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    body.put("version", read.json().path("version").asLong());
    Api.Response updated = api.put("/api/children/" + childId, body);
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
  }

  /** The child's monitoring instance (running or ended). */
  ProcessInstance monitoring(long childId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(Monitoring.KEY)
        .processInstanceBusinessKey(String.valueOf(childId)).singleResult();
  }

  Task task(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .singleResult();
  }

  List<Task> tasks(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
  }

  /** Moves the engine clock (and with it the application's "today"). */
  static void clockAt(Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  static LocalDate today() {
    return now().atZone(ZONE).toLocalDate();
  }

  /** The instant a day of the county is over (a visit due that day is overdue from then). */
  static Instant endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(ZONE).toInstant();
  }

  /** Runs the instance's timer jobs that are due now; returns how many ran. */
  int fireDueTimers(ProcessInstance pi) {
    List<Job> due = management.createJobQuery().processInstanceId(pi.getId()).timers()
        .duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1)).list();
    for (Job job : due) {
      management.executeJob(job.getId());
    }
    return due.size();
  }

  Date timerDue(ProcessInstance pi, String activityId) {
    Job job = management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId)
        .timers().singleResult();
    return job == null ? null : job.getDuedate();
  }

  /** A complete home visit submission: every item scored so that the total is {@code total}. */
  static Map<String, Object> visit(int total) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("visitedOn", today().toString());
    vars.put("seenChild", true);
    vars.put("seenGuardian", false);
    vars.put("seenCaregiver", true);
    vars.put("visitNotes", "儿童在家，精神状态良好。");
    Map<ScoreItem, Integer> scores = scores(total);
    scores.forEach((item, score) -> vars.put(item.key(), score));
    for (UrgentItem item : UrgentItem.values()) {
      vars.put(item.key(), false);
    }
    return vars;
  }

  /** A left-behind child's visit: parents in weekly contact, the caregiver capable. */
  static Map<String, Object> leftBehindVisit(int total) {
    Map<String, Object> vars = visit(total);
    vars.put("parentsWeeklyContact", "yes");
    vars.put("caregiverCapable", "yes");
    return vars;
  }

  /** Item scores that add up to the total, filled item by item. */
  static Map<ScoreItem, Integer> scores(int total) {
    Map<ScoreItem, Integer> scores = new EnumMap<>(ScoreItem.class);
    int left = total;
    for (ScoreItem item : ScoreItem.values()) {
      int s = Math.min(ScoreItem.MAX, left);
      scores.put(item, s);
      left -= s;
    }
    assertThat(left).as("total within 0..54").isZero();
    return scores;
  }
}
