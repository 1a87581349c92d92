package org.guardian.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.guardian.common.NotFoundException;
import org.guardian.people.Role;
import org.guardian.people.Routing;
import org.guardian.people.Area;
import org.guardian.people.Areas;
import org.guardian.registry.ChildLabel;
import org.guardian.registry.ChildReference;
import org.guardian.registry.ChildService;
import org.guardian.workflow.AreaVariables;
import org.guardian.workflow.SystemEngineCalls;
import org.guardian.workflow.TaskNaming;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Guardianship cases: opening a case for a report or attaching the report to the child's open case,
 * and what the {@code guardianship-case} process records on the way (acknowledgement, triage,
 * escalations, the child's registration, merging, hand-over, closure). Engine calls are made on the
 * system's account (see {@link SystemEngineCalls}).
 */
@Service
class Cases {

  /** A report counts as repeated if another one about the child came within this period. */
  static final Period REPEAT_WINDOW = Period.ofDays(365);

  private final CaseRepository cases;
  private final ReportRepository reports;
  private final Numbers numbers;
  private final ChildService children;
  private final Areas areas;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final RepositoryService repository;
  private final SystemEngineCalls engine;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Cases(CaseRepository cases, ReportRepository reports, Numbers numbers, ChildService children,
      Areas areas, RuntimeService runtime, TaskService tasks, HistoryService history,
      RepositoryService repository, SystemEngineCalls engine, ApplicationEventPublisher events,
      Clock clock) {
    this.cases = cases;
    this.reports = reports;
    this.numbers = numbers;
    this.children = children;
    this.areas = areas;
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
    this.repository = repository;
    this.engine = engine;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Attaches a stored report to the child's open case, or opens a case for it (message start event
   * {@code Msg_ReportReceived}). Runs in the caller's transaction; a concurrent report about the
   * same child makes the insert of the second case fail on {@code uk_case_open_child}, and the
   * caller retries.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void route(long reportId) {
    Report report = reports.findById(reportId).orElseThrow();
    if (report.getCaseId() != null) {
      return;
    }
    if (report.getChildId() != null) {
      Optional<CaseFile> open = cases.findByOpenChildId(report.getChildId());
      if (open.isPresent()) {
        attach(report, open.get());
        return;
      }
    }
    open(report);
  }

  private void open(Report report) {
    ChildReference child = report.getChildId() == null ? null
        : children.reference(report.getChildId()).orElse(null);
    String village = child != null ? child.villageCode() : report.getVillageCode();
    String township = village != null ? Routing.township(village) : report.getTownshipCode();
    CaseFile c = new CaseFile(numbers.nextCaseNumber(), child == null ? null : child.id(), village,
        township, clock.instant());
    cases.saveAndFlush(c);
    report.attachTo(c.getId());
    VariableMap vars = Variables.createVariables()
        .putValue(GuardianshipCase.Var.CASE_ID, c.getId())
        .putValue(GuardianshipCase.Var.CASE_NUMBER, c.getNumber())
        .putValue(GuardianshipCase.Var.REPORT_ID, report.getId())
        .putValue(GuardianshipCase.Var.REPORT_NUMBER, report.getNumber())
        .putValue(GuardianshipCase.Var.CHANNEL, report.getChannel().name())
        .putValue(GuardianshipCase.Var.CHILD_ID, c.getChildId())
        .putValue(AreaVariables.VILLAGE_CODE, village)
        .putValue(AreaVariables.TOWNSHIP_CODE, township)
        .putValue(AreaVariables.COUNTY_CODE, c.getCountyCode())
        .putValue(GuardianshipCase.Var.REPORT_SUMMARY, summary(report))
        .putValue(GuardianshipCase.Var.CHILD_UNDER_3, under3(report, child))
        .putValue(GuardianshipCase.Var.PRIOR_REPORTS, priorReports(report))
        .putValue(TaskNaming.CHILD_LABEL, child != null
            ? children.processVariables(child.id()).get(TaskNaming.CHILD_LABEL)
            : reportedChildLabel(report));
    facts(vars, report.getFacts());
    ProcessInstance pi = runtime.createMessageCorrelation(GuardianshipCase.MSG_REPORT_RECEIVED)
        .processInstanceBusinessKey(c.getNumber())
        .setVariables(vars)
        .correlateStartMessage();
    c.startedAs(pi.getId());
  }

  /**
   * Attaches a report to an open case: a message to the case's event subprocess, whose variables
   * (the report's id, number, facts) stay local to it.
   */
  private void attach(Report report, CaseFile c) {
    report.attachTo(c.getId());
    VariableMap local = Variables.createVariables()
        .putValue(GuardianshipCase.Var.ADDITIONAL_REPORT_ID, report.getId())
        .putValue(GuardianshipCase.Var.ADDITIONAL_REPORT_NUMBER, report.getNumber())
        .putValue(GuardianshipCase.Var.ADDITIONAL_REPORT_SUMMARY, summary(report));
    facts(local, report.getFacts());
    runtime.createMessageCorrelation(GuardianshipCase.MSG_REPORT_ATTACHED)
        .processInstanceBusinessKey(c.getNumber())
        .setVariablesToTriggeredScope(local)
        .correlateWithResult();
  }

  private static void facts(VariableMap vars, ReportFacts f) {
    vars.putValue(GuardianshipCase.Var.INJURY, f.injury())
        .putValue(GuardianshipCase.Var.SEXUAL_HARM, f.sexualHarm())
        .putValue(GuardianshipCase.Var.ABANDONMENT, f.abandonment())
        .putValue(GuardianshipCase.Var.NO_ADULT_CARE, f.noAdultCare())
        .putValue(GuardianshipCase.Var.VIOLENCE, f.violence())
        .putValue(GuardianshipCase.Var.NEGLECT, f.neglect());
  }

  /** The report for the caseworkers' forms: channel, number and facts; no names. */
  private static String summary(Report r) {
    return r.getChannel().label() + "（" + r.getNumber() + "）：" + r.getFacts().summary();
  }

  /**
   * The label of a child the registry does not know yet, as the report describes them (masked
   * name, age, village; see {@link ChildLabel}), marked as not registered.
   */
  private String reportedChildLabel(Report r) {
    String place = areas.find(r.getVillageCode() != null ? r.getVillageCode()
        : r.getTownshipCode()).map(Area::getName).orElse("");
    Integer age = r.getChildBirthDate() != null
        ? Period.between(r.getChildBirthDate(), LocalDate.now(clock)).getYears()
        : r.getChildAge();
    if (age == null) {
      return "未建档儿童 " + place;
    }
    return ChildLabel.of(r.getChildName(), age, place) + "（未建档）";
  }

  private boolean under3(Report r, ChildReference child) {
    LocalDate today = LocalDate.now(clock);
    LocalDate birth = child != null ? child.birthDate() : r.getChildBirthDate();
    if (birth != null) {
      return birth.isAfter(today.minusYears(3));
    }
    return r.getChildAge() != null && r.getChildAge() < 3;
  }

  private long priorReports(Report r) {
    if (r.getChildId() == null) {
      return 0;
    }
    Instant since = LocalDate.now(clock).minus(REPEAT_WINDOW).atStartOfDay(clock.getZone())
        .toInstant();
    return reports.countEarlierAbout(r.getChildId(), since, r.getId());
  }

  /** Acknowledges receipt (受理) of a report: stamped with the time, once. */
  @Transactional
  void acknowledge(long reportId) {
    reports.findById(reportId).orElseThrow(() -> new NotFoundException("报告不存在"))
        .acknowledge(clock.instant());
  }

  /**
   * Records the triage: the priority the decision computed (with the decision version that computed
   * it, from Camunda's decision history), the priority chosen, the override and its reason.
   */
  @Transactional
  void recordTriage(long caseId, String processInstanceId, String decision, String chosen,
      String overrideReason, String note, String by) {
    CaseFile c = find(caseId);
    Optional<HistoricDecisionInstance> made = engine.call(() -> history
        .createHistoricDecisionInstanceQuery().processInstanceId(processInstanceId)
        .decisionDefinitionKey(GuardianshipCase.DECISION_RESPONSE_PRIORITY)
        .includeOutputs().orderByEvaluationTime().desc().list().stream().findFirst());
    String computed = null;
    String reason = null;
    String decisionId = null;
    Integer version = null;
    if (made.isPresent()) {
      HistoricDecisionInstance d = made.get();
      decisionId = d.getDecisionDefinitionId();
      version = engine.call(() -> repository.getDecisionDefinition(d.getDecisionDefinitionId())
          .getVersion());
      for (var out : d.getOutputs()) {
        if ("responsePriority".equals(out.getVariableName())) {
          computed = String.valueOf(out.getValue());
        } else if ("priorityReason".equals(out.getVariableName())) {
          reason = String.valueOf(out.getValue());
        }
      }
    }
    c.prioritised(computed, reason, decisionId, version);
    c.triaged(decision, chosen, overrideReason, note, by, clock.instant());
  }

  /**
   * An overdue triage: the role of the county joins the candidates of the triage task (the task
   * stays where it is; the county centre, then the supervisor, may now take it).
   */
  @Transactional
  void escalateTriage(long caseId, String processInstanceId, Role role) {
    CaseFile c = find(caseId);
    engine.run(() -> {
      for (Task t : tasks.createTaskQuery().processInstanceId(processInstanceId)
          .taskDefinitionKey(GuardianshipCase.TASK_TRIAGE).list()) {
        tasks.addCandidateGroup(t.getId(), Routing.group(role, c.getCountyCode()));
      }
    });
    if (role == Role.COUNTY_CENTRE) {
      c.escalatedToCentre(clock.instant());
    } else {
      c.escalatedToSupervisor(clock.instant());
    }
  }

  /** The outcome of linking an unmatched case to the child's (new or found) file. */
  record Link(long childId, String villageCode, String childLabel, String mergeIntoCase) {}

  /**
   * Links the case, and its reports, to the child's file. If the child has another open case (a
   * report that named the child arrived meanwhile), this case is to be merged into it.
   */
  @Transactional
  Link linkChild(long caseId, long childId) {
    CaseFile c = find(caseId);
    ChildReference child = children.reference(childId)
        .orElseThrow(() -> new NotFoundException("儿童档案不存在"));
    for (Report r : reports.findByCaseIdOrderByIdAsc(caseId)) {
      r.matchChild(childId, "REGISTERED");
    }
    Optional<CaseFile> other = cases.findByOpenChildId(childId);
    if (other.isPresent() && !other.get().getId().equals(caseId)) {
      return new Link(childId, child.villageCode(), label(childId), other.get().getNumber());
    }
    c.linkChild(childId, child.villageCode(), Routing.township(child.villageCode()));
    cases.saveAndFlush(c);
    events.publishEvent(new ChildLinkedToCase(c.getNumber(), childId, child.villageCode()));
    return new Link(childId, child.villageCode(), label(childId), null);
  }

  /** Merges the case into the child's open case: its reports are attached to that case. */
  @Transactional
  void merge(long caseId, String intoNumber) {
    CaseFile c = find(caseId);
    CaseFile target = cases.findByNumber(intoNumber)
        .orElseThrow(() -> new NotFoundException("案件不存在"));
    List<Report> moved = reports.findByCaseIdOrderByIdAsc(caseId);
    c.mergeInto(intoNumber, target.getChildId(), clock.instant());
    cases.saveAndFlush(c);
    engine.run(() -> moved.forEach(r -> attach(r, target)));
    events.publishEvent(new ChildLinkedToCase(c.getNumber(), target.getChildId(),
        target.getVillageCode()));
  }

  /** The assessment is done: the case goes on to assistance and intervention (part 2). */
  @Transactional
  void handOver(long caseId, String colour, String nextStep) {
    CaseFile c = find(caseId);
    c.handOver(colour, nextStep, clock.instant());
    events.publishEvent(new CaseHandedOver(c.getNumber(), c.getChildId(), c.getVillageCode(),
        colour, nextStep, c.getHandedOverAt()));
  }

  /** Closes the case; the child may have a new case from now on. */
  @Transactional
  void close(long caseId, String reason, String colour, String nextStep) {
    CaseFile c = find(caseId);
    if (colour != null) {
      c.assessed(colour, nextStep);
    }
    c.close(reason, clock.instant());
  }

  /** Closure approved by the station chief after part 2 (reason as chosen, e.g. goals-achieved). */
  @Transactional
  void closeApproved(long caseId, String reason, String outcome, String approvedBy) {
    CaseFile c = find(caseId);
    c.closeApproved(reason.toUpperCase(java.util.Locale.ROOT).replace('-', '_'), outcome,
        approvedBy, clock.instant());
  }

  /** A return visit after closure; returns how many have been made. */
  @Transactional
  int returnVisit(long caseId) {
    return find(caseId).returnVisit(clock.instant());
  }

  /**
   * A return visit found renewed risk: publishes {@link ReturnVisitFoundRisk}; once this
   * transaction commits, a report about the child opens a new case linked to this one.
   */
  @Transactional
  void renewedRisk(long caseId, String note) {
    CaseFile c = find(caseId);
    c.renewedRisk(clock.instant());
    events.publishEvent(new ReturnVisitFoundRisk(c.getNumber(), c.getChildId(),
        c.getVillageCode(), note));
  }

  private String label(long childId) {
    return (String) children.processVariables(childId).get(TaskNaming.CHILD_LABEL);
  }

  private CaseFile find(long caseId) {
    return cases.findById(caseId).orElseThrow(() -> new NotFoundException("案件不存在"));
  }
}
