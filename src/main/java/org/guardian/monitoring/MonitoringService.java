package org.guardian.monitoring;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.guardian.workflow.SystemEngineCalls;
import org.guardian.people.Routing;
import org.guardian.registry.Category;
import org.guardian.registry.ChildProfile;
import org.guardian.registry.ChildService;
import org.guardian.workflow.AreaVariables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monitoring of children by the {@code monitoring} process: starting it for a child, the facts
 * its decisions read, the dates of a visit cycle, and following changes of the child's file (new
 * categories or flags, a move within or out of the county).
 */
@Service
class MonitoringService {

  /** A left-behind child is one under 16; every other protected child is a minor (under 18). */
  static final int LEFT_BEHIND_AGE_LIMIT = 16;
  static final int MINOR_AGE_LIMIT = 18;

  /** Changes of the file that may change the cadence or the end of monitoring by age. */
  static final Set<String> CADENCE_FIELDS =
      Set.of("categories", "riskFlags", "difficultyKind", "birthDate");
  static final String VILLAGE_FIELD = "villageCode";

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final SystemEngineCalls system;
  private final ChildService children;
  private final ChildVisits visits;
  private final Clock clock;
  private final JdbcTemplate jdbc;

  MonitoringService(RuntimeService runtime, TaskService tasks, ManagementService management,
      SystemEngineCalls system, ChildService children, ChildVisits visits,
      Clock clock, JdbcTemplate jdbc) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.system = system;
    this.children = children;
    this.visits = visits;
    this.clock = clock;
    this.jdbc = jdbc;
  }

  /** The facts the {@code visit-cadence} decision reads, and what follows from them. */
  record CadenceInputs(List<String> categories, List<String> riskFlags, String difficultyKind,
      Date ageOutDate, boolean leftBehind) {}

  /**
   * Starts the monitoring of a child: business key = the child's file id, the area variables of
   * its village, the day its cycle counts from (its last visit, or the day its file was created).
   */
  @Transactional
  String start(long childId) {
    ChildProfile child = children.profile(childId, "monitoring");
    LocalDate anchor = visits.lastVisitDay(childId).orElse(child.registeredOn());
    // area variables for routing, the child's id and its task-list label
    Map<String, Object> vars = children.processVariables(childId);
    vars.put(Monitoring.Var.CHILD_ID, childId);
    vars.put(Monitoring.Var.LAST_VISIT_DATE, startOf(anchor));
    vars.put(Monitoring.Var.AGE_OUT_DATE, startOf(ageOutDay(child)));
    vars.put(Monitoring.Var.LEFT_BEHIND, child.categories().contains(Category.LEFT_BEHIND));
    return system.call(() -> runtime
        .startProcessInstanceByKey(Monitoring.KEY, String.valueOf(childId), vars).getId());
  }

  /**
   * One batch of the children that never had a monitoring instance (running or ended): ids greater
   * than {@code afterId} and at most {@code upToId}, in id order, at most {@code limit}. One
   * anti-join in the database over the registry's {@code child} table and the engine's process
   * history (business key = file id, indexed by the engine: ACT_IDX_HI_PRO_I_BUSKEY), so the
   * start-up sweep reads only the ids it enrols, never the county's historic instances (it loaded
   * every one of them as an entity before: 100,000 objects at county size). Portable between H2
   * and PostgreSQL.
   */
  List<Long> unenrolledChildren(long afterId, long upToId, int limit) {
    return jdbc.queryForList("""
        select c.id from child c
        where c.id > ? and c.id <= ?
          and not exists (select 1 from ACT_HI_PROCINST p
                          where p.BUSINESS_KEY_ = cast(c.id as varchar(20))
                            and p.PROC_DEF_KEY_ = ?)
        order by c.id
        limit ?""", Long.class, afterId, upToId, Monitoring.KEY, limit);
  }

  /** The facts of the child's file the {@code visit-cadence} decision reads (audited read). */
  @Transactional
  CadenceInputs cadenceInputs(long childId) {
    ChildProfile child = children.profile(childId, "monitoring");
    return new CadenceInputs(
        child.categories().stream().map(Enum::name).sorted().toList(),
        child.riskFlags().stream().map(Enum::name).sorted().toList(),
        child.difficultyKind() == null ? null : child.difficultyKind().name(),
        startOf(ageOutDay(child)), child.categories().contains(Category.LEFT_BEHIND));
  }

  /**
   * Monitoring ends by age on the 16th birthday of a child who is only left-behind (the definition
   * of a left-behind child), and on the 18th birthday of every other child.
   */
  static LocalDate ageOutDay(ChildProfile child) {
    boolean leftBehindOnly = EnumSet.of(Category.LEFT_BEHIND).equals(
        child.categories().isEmpty() ? EnumSet.noneOf(Category.class)
            : EnumSet.copyOf(child.categories()));
    return child.birthDate().plusYears(leftBehindOnly ? LEFT_BEHIND_AGE_LIMIT : MINOR_AGE_LIMIT);
  }

  /** The dates of the visit cycle that counts from {@code anchor}. */
  VisitSchedule schedule(Date anchor, String interval, String secondEscalationAfter) {
    return VisitSchedule.of(day(anchor), interval, secondEscalationAfter, zone());
  }

  /**
   * Moves the pending visit (same task, new due date) and the timers of the instance to the dates
   * its variables now hold: the overdue escalations, the phone contact and the end by age.
   */
  void applySchedule(String processInstanceId, VisitSchedule schedule) {
    system.run(() -> {
      for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId)
          .taskDefinitionKey(Monitoring.TASK_HOME_VISIT).list()) {
        task.setDueDate(Date.from(schedule.due()));
        tasks.saveTask(task);
      }
      recalculateTimers(processInstanceId);
    });
  }

  /** Recalculates the due dates of the instance's timers from the variables their dates name. */
  void recalculateTimers(String processInstanceId) {
    system.run(() -> {
      for (String timer : Monitoring.SCHEDULED_TIMERS) {
        for (Job job : management.createJobQuery().processInstanceId(processInstanceId)
            .activityId(timer).timers().list()) {
          management.recalculateJobDuedate(job.getId(), false);
        }
      }
    });
  }

  /**
   * Follows a change of the child's file: a move out of the county ends monitoring; a move within
   * it routes the open tasks to the people of the new village and township; a change of categories,
   * flags or birth date makes the instance re-evaluate its cadence (message {@code
   * Msg_ChildFileChanged}). Returns false when the child has no running monitoring.
   */
  @Transactional
  boolean follow(long childId, String villageCode, Set<String> fields) {
    return system.call(() -> {
      ProcessInstance pi = runtime.createProcessInstanceQuery()
          .processDefinitionKey(Monitoring.KEY).processInstanceBusinessKey(String.valueOf(childId))
          .active().singleResult();
      if (pi == null) {
        return false;
      }
      if (fields.contains(VILLAGE_FIELD)) {
        String county = (String) runtime.getVariable(pi.getId(), AreaVariables.COUNTY_CODE);
        if (!Routing.county(villageCode).equals(county)) {
          runtime.createMessageCorrelation(Monitoring.MSG_CHILD_LEFT_COUNTY)
              .processInstanceId(pi.getId()).correlateAllWithResult();
          return true;
        }
        String before = (String) runtime.getVariable(pi.getId(), AreaVariables.VILLAGE_CODE);
        if (!villageCode.equals(before)) {
          moveWithinCounty(pi.getId(), before, villageCode);
        }
      }
      if (fields.stream().anyMatch(CADENCE_FIELDS::contains)) {
        runtime.createMessageCorrelation(Monitoring.MSG_CHILD_FILE_CHANGED)
            .processInstanceId(pi.getId()).correlateAllWithResult();
      }
      return true;
    });
  }

  /** The child moved to another village of the county: its open tasks follow it. */
  private void moveWithinCounty(String processInstanceId, String fromVillage, String toVillage) {
    runtime.setVariables(processInstanceId, AreaVariables.of(toVillage));
    Map<String, String> areas = Map.of(fromVillage, toVillage, Routing.township(fromVillage),
        Routing.township(toVillage));
    for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
      for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
        String group = link.getGroupId();
        if (!IdentityLinkType.CANDIDATE.equals(link.getType()) || group == null) {
          continue;
        }
        int at = group.indexOf(Routing.ROLE_AREA_SEPARATOR);
        String area = at < 0 ? null : group.substring(at + 1);
        if (area != null && areas.containsKey(area)) {
          tasks.deleteCandidateGroup(task.getId(), group);
          tasks.addCandidateGroup(task.getId(), group.substring(0, at + 1) + areas.get(area));
        }
      }
    }
  }

  private ZoneId zone() {
    return clock.getZone();
  }

  private Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(zone()).toInstant());
  }

  LocalDate day(Date date) {
    return date.toInstant().atZone(zone()).toLocalDate();
  }
}
