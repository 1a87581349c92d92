package org.guardian.monitoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.guardian.common.FieldProblem;
import org.guardian.registry.ChildData;
import org.guardian.registry.ChildService;
import org.guardian.registry.Relationship;
import org.guardian.workflow.AreaVariables;
import org.guardian.workflow.DisplayTime;
import org.guardian.workflow.TaskCompletionRule;
import org.guardian.workflow.TaskSubmission;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates, listeners and completion rules of the process {@code monitoring}: each reads ids
 * and plain values from the instance, calls one service method and writes plain values back.
 */
@Configuration
class MonitoringProcess {

  /** The transient variable in which the engine leaves a business rule task's decision result. */
  static final String DECISION_RESULT = "decisionResult";

  /**
   * Start listener of the {@code visit-cadence} business rule tasks: the child's categories, risk
   * flags and kind of difficulty as transient inputs of the decision (read from the registry each
   * time, never stored in the instance), and what follows from them: when monitoring ends by age,
   * and whether the visit asks the left-behind questions.
   */
  @Bean
  ExecutionListener visitCadenceInputs(MonitoringService monitoring) {
    return execution -> {
      MonitoringService.CadenceInputs in = monitoring.cadenceInputs(childId(execution));
      execution.setVariable(Monitoring.Var.CATEGORIES, Variables.untypedValue(in.categories(),
          true));
      execution.setVariable(Monitoring.Var.RISK_FLAGS, Variables.untypedValue(in.riskFlags(),
          true));
      execution.setVariable(Monitoring.Var.DIFFICULTY_KIND,
          Variables.untypedValue(in.difficultyKind(), true));
      execution.setVariable(Monitoring.Var.AGE_OUT_DATE, in.ageOutDate());
      execution.setVariable(Monitoring.Var.LEFT_BEHIND, in.leftBehind());
    };
  }

  /**
   * End listener of the {@code visit-cadence} business rule tasks: {@code monitored} is whether a
   * rule matched; the outputs of the matched rule become the cadence of the next visit.
   */
  @Bean
  ExecutionListener visitCadenceResult() {
    return execution -> {
      DmnDecisionResult result = (DmnDecisionResult) execution.getVariableLocal(DECISION_RESULT);
      DmnDecisionResultEntries rule = result == null ? null : result.getFirstResult();
      execution.setVariable(Monitoring.Var.MONITORED, rule != null);
      if (rule != null) {
        execution.setVariable(Monitoring.Var.VISIT_INTERVAL,
            rule.getEntry(Monitoring.CadenceOutput.INTERVAL));
        execution.setVariable(Monitoring.Var.VISIT_INTERVAL_LABEL,
            DisplayTime.cadence(rule.getEntry(Monitoring.CadenceOutput.INTERVAL)));
        execution.setVariable(Monitoring.Var.PHONE_CONTACT_REQUIRED,
            Boolean.TRUE.equals(rule.getEntry(Monitoring.CadenceOutput.PHONE_CONTACT_REQUIRED)));
        execution.setVariable(Monitoring.Var.SECOND_ESCALATION_AFTER,
            rule.getEntry(Monitoring.CadenceOutput.SECOND_ESCALATION_AFTER));
      }
    };
  }

  /** Task_ScheduleVisit: the dates of the new cycle; the end-by-age timer follows the file. */
  @Bean
  JavaDelegate scheduleHomeVisit(MonitoringService monitoring) {
    return execution -> {
      schedule(monitoring, execution);
      monitoring.recalculateTimers(execution.getProcessInstanceId());
    };
  }

  /** Task_RescheduleVisit: the same dates from the new cadence, moved onto the pending visit. */
  @Bean
  JavaDelegate rescheduleHomeVisit(MonitoringService monitoring) {
    return execution -> monitoring.applySchedule(execution.getProcessInstanceId(),
        schedule(monitoring, execution));
  }

  private static VisitSchedule schedule(MonitoringService monitoring,
      DelegateExecution execution) {
    VisitSchedule schedule = monitoring.schedule(
        (Date) execution.getVariable(Monitoring.Var.LAST_VISIT_DATE),
        (String) execution.getVariable(Monitoring.Var.VISIT_INTERVAL),
        (String) execution.getVariable(Monitoring.Var.SECOND_ESCALATION_AFTER));
    execution.setVariable(Monitoring.Var.VISIT_DUE_DATE, Date.from(schedule.due()));
    execution.setVariable(Monitoring.Var.VISIT_DUE_DAY, schedule.dueDay().toString());
    execution.setVariable(Monitoring.Var.VISIT_SECOND_DEADLINE,
        Date.from(schedule.secondDeadline()));
    execution.setVariable(Monitoring.Var.PHONE_CONTACT_DATE, Date.from(schedule.phoneContact()));
    return schedule;
  }

  /**
   * Task_RecordVisit: the visit into the child's file, the early warning's inputs back into the
   * instance, the form's values out of it (so that the next visit's form starts empty).
   */
  @Bean
  JavaDelegate recordHomeVisit(ChildVisits visits, Clock clock) {
    return execution -> {
      boolean leftBehind = Boolean.TRUE.equals(
          execution.getVariable(Monitoring.Var.LEFT_BEHIND));
      HomeVisitReport report = HomeVisitForm.report(execution.getVariables(), leftBehind,
          clock.getZone());
      String dueDay = (String) execution.getVariable(Monitoring.Var.VISIT_DUE_DAY);
      ChildVisits.WarningInputs in = visits.record(childId(execution),
          (String) execution.getVariable(AreaVariables.VILLAGE_CODE), report,
          dueDay == null ? null : LocalDate.parse(dueDay));
      execution.setVariable(Monitoring.Var.VISIT_ID, in.visitId());
      execution.setVariable(Monitoring.Var.CURRENT_TOTAL, in.currentTotal());
      execution.setVariable(Monitoring.Var.PREVIOUS_TOTAL, in.previousTotal());
      execution.setVariable(Monitoring.Var.SCORE_DELTA, in.scoreDelta());
      execution.setVariable(Monitoring.Var.RISING_VISITS, in.risingVisits());
      execution.setVariable(Monitoring.Var.URGENT_ITEM, in.urgentItem());
      execution.setVariable(Monitoring.Var.CAREGIVER_INCAPABLE, in.caregiverIncapable());
      execution.setVariable(Monitoring.Var.LAST_VISIT_DATE, Date.from(
          report.visitedOn().atStartOfDay(clock.getZone()).toInstant()));
      execution.removeVariables(HomeVisitForm.keys());
    };
  }

  /** End listener of Task_EvaluateEarlyWarning: the codes of the rules that fired. */
  @Bean
  ExecutionListener earlyWarningResult() {
    return execution -> {
      DmnDecisionResult result = (DmnDecisionResult) execution.getVariableLocal(DECISION_RESULT);
      List<String> reasons = result == null ? List.of()
          : result.collectEntries(Monitoring.WarningOutput.REASON).stream()
              .map(String::valueOf).distinct().toList();
      execution.setVariable(Monitoring.Var.WARNING_REASONS, String.join(",", reasons));
    };
  }

  /** Task_RaiseEarlyWarning: the warning into the child's file, and EarlyWarningRaised out. */
  @Bean
  JavaDelegate raiseEarlyWarning(ChildVisits visits) {
    return execution -> {
      List<String> reasons = Arrays.stream(
          ((String) execution.getVariable(Monitoring.Var.WARNING_REASONS)).split(","))
          .filter(s -> !s.isBlank()).toList();
      long warningId = visits.raiseWarning(childId(execution),
          (String) execution.getVariable(AreaVariables.VILLAGE_CODE),
          number(execution, Monitoring.Var.VISIT_ID).longValue(), reasons,
          intOrNull(execution, Monitoring.Var.CURRENT_TOTAL),
          intOrNull(execution, Monitoring.Var.PREVIOUS_TOTAL));
      execution.setVariable(Monitoring.Var.WARNING_ID, warningId);
    };
  }

  /** Task_RecordNewCaregiver: the caregiver the parents named, into the registry. */
  @Bean
  JavaDelegate recordNewCaregiver(ChildService children, Clock clock) {
    return execution -> {
      Map<String, Object> vars = execution.getVariables();
      children.replaceCaregiver(childId(execution), new ChildData.CaregiverData(
          (String) vars.get(ReplaceCaregiverForm.NAME),
          Relationship.valueOf((String) vars.get(ReplaceCaregiverForm.RELATIONSHIP)),
          (String) vars.get(ReplaceCaregiverForm.PHONE),
          HomeVisitForm.date(vars.get(ReplaceCaregiverForm.NAMED_ON), clock.getZone()), null));
      execution.removeVariables(ReplaceCaregiverForm.KEYS);
    };
  }

  /** The home visit's rules across fields (see {@link HomeVisitForm#problems}). */
  @Bean
  TaskCompletionRule homeVisitRules(Clock clock) {
    return new TaskCompletionRule() {
      @Override
      public boolean appliesTo(String processKey, String taskKey) {
        return Monitoring.KEY.equals(processKey) && Monitoring.TASK_HOME_VISIT.equals(taskKey);
      }

      @Override
      public List<FieldProblem> check(TaskSubmission submission) {
        Object last = submission.variable(Monitoring.Var.LAST_VISIT_DATE);
        return HomeVisitForm.problems(submission.variables(),
            Boolean.TRUE.equals(submission.variable(Monitoring.Var.LEFT_BEHIND)),
            LocalDate.now(clock),
            last instanceof Date d ? HomeVisitForm.date(d, clock.getZone()) : null,
            clock.getZone());
      }
    };
  }

  /**
   * The caregiver is replaced only once the parents were told (they name the new one), and no day
   * lies in the future.
   */
  @Bean
  TaskCompletionRule replaceCaregiverRules(Clock clock) {
    return new TaskCompletionRule() {
      @Override
      public boolean appliesTo(String processKey, String taskKey) {
        return Monitoring.KEY.equals(processKey)
            && Monitoring.TASK_REPLACE_CAREGIVER.equals(taskKey);
      }

      @Override
      public List<FieldProblem> check(TaskSubmission submission) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!Boolean.TRUE.equals(submission.variable(ReplaceCaregiverForm.PARENTS_NOTIFIED))) {
          problems.add(new FieldProblem(ReplaceCaregiverForm.PARENTS_NOTIFIED,
              "须先通知儿童父母，由父母重新确定委托照护人"));
        }
        LocalDate today = LocalDate.now(clock);
        for (String key : List.of(ReplaceCaregiverForm.NOTIFIED_ON,
            ReplaceCaregiverForm.NAMED_ON)) {
          LocalDate day = safeDate(submission.variable(key), clock);
          if (day != null && day.isAfter(today)) {
            problems.add(new FieldProblem(key, "不能晚于今天"));
          }
        }
        return problems;
      }
    };
  }

  /** A child judged unsafe on the phone needs a note of what was found and done. */
  @Bean
  TaskCompletionRule phoneContactRules() {
    return new TaskCompletionRule() {
      @Override
      public boolean appliesTo(String processKey, String taskKey) {
        return Monitoring.KEY.equals(processKey) && Monitoring.TASK_PHONE_CONTACT.equals(taskKey);
      }

      @Override
      public List<FieldProblem> check(TaskSubmission submission) {
        Object notes = submission.variable("contactNotes");
        if ("no".equals(submission.variable("childSafe"))
            && (!(notes instanceof String s) || s.trim().length() < 10)) {
          return List.of(new FieldProblem("contactNotes",
              "儿童存在安全问题时须写明情况及已采取的措施（至少10个字）"));
        }
        return List.of();
      }
    };
  }

  /** The fields of the Camunda Form {@code replace-caregiver}. */
  static final class ReplaceCaregiverForm {
    static final String PARENTS_NOTIFIED = "parentsNotified";
    static final String NOTIFIED_ON = "parentsNotifiedOn";
    static final String NAME = "newCaregiverName";
    static final String RELATIONSHIP = "newCaregiverRelationship";
    static final String PHONE = "newCaregiverPhone";
    static final String NAMED_ON = "newCaregiverNamedOn";
    static final String NOTE = "replacementNote";
    static final List<String> KEYS = List.of(PARENTS_NOTIFIED, NOTIFIED_ON, NAME, RELATIONSHIP,
        PHONE, NAMED_ON, NOTE);

    private ReplaceCaregiverForm() {}
  }

  private static LocalDate safeDate(Object value, Clock clock) {
    try {
      return HomeVisitForm.date(value, clock.getZone());
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static long childId(DelegateExecution execution) {
    return number(execution, Monitoring.Var.CHILD_ID).longValue();
  }

  private static Number number(DelegateExecution execution, String name) {
    return (Number) execution.getVariable(name);
  }

  private static Integer intOrNull(DelegateExecution execution, String name) {
    Number n = number(execution, name);
    return n == null ? null : n.intValue();
  }
}
