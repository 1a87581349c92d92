package org.guardian.reporting;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.guardian.common.FieldProblem;
import org.guardian.people.CurrentUser;
import org.guardian.people.Role;
import org.guardian.people.Routing;
import org.guardian.registry.ChildService;
import org.guardian.workflow.AreaVariables;
import org.guardian.workflow.TaskCompletionRule;
import org.guardian.workflow.TaskNaming;
import org.guardian.workflow.TaskSubmission;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and completion rules of {@code guardianship-case}. Each delegate reads ids from
 * the variables, calls one method of {@link Cases} and writes back plain values.
 */
@Configuration
class GuardianshipCaseProcess {

  /** Closure reasons recorded on the case. */
  static final String CLOSED_UNFOUNDED = "UNFOUNDED";
  static final String CLOSED_MONITORING_ONLY = "MONITORING_ONLY";
  static final String CLOSED_COMPLETED = "COMPLETED";

  @Bean
  JavaDelegate acknowledgeReport(Cases cases) {
    return execution -> cases.acknowledge(longVar(execution, GuardianshipCase.Var.REPORT_ID));
  }

  @Bean
  JavaDelegate acknowledgeAdditionalReport(Cases cases) {
    return execution -> cases.acknowledge(
        longVar(execution, GuardianshipCase.Var.ADDITIONAL_REPORT_ID));
  }

  @Bean
  JavaDelegate recordTriage(Cases cases) {
    return execution -> cases.recordTriage(caseId(execution), execution.getProcessInstanceId(),
        (String) execution.getVariable(GuardianshipCase.Var.TRIAGE_DECISION),
        (String) execution.getVariable(GuardianshipCase.Var.TRIAGE_PRIORITY),
        (String) execution.getVariable(GuardianshipCase.Var.PRIORITY_OVERRIDE_REASON),
        (String) execution.getVariable(GuardianshipCase.Var.TRIAGE_NOTE),
        CurrentUser.get().id());
  }

  @Bean
  JavaDelegate escalateTriageToCentre(Cases cases) {
    return execution -> cases.escalateTriage(caseId(execution), execution.getProcessInstanceId(),
        Role.COUNTY_CENTRE);
  }

  @Bean
  JavaDelegate escalateTriageToSupervisor(Cases cases) {
    return execution -> cases.escalateTriage(caseId(execution), execution.getProcessInstanceId(),
        Role.SUPERVISOR);
  }

  @Bean
  JavaDelegate linkChildToCase(Cases cases) {
    return execution -> {
      Cases.Link link = cases.linkChild(caseId(execution),
          longVar(execution, GuardianshipCase.Var.REGISTERED_CHILD_ID));
      execution.setVariable(GuardianshipCase.Var.CHILD_ID, link.childId());
      execution.setVariable(AreaVariables.VILLAGE_CODE, link.villageCode());
      execution.setVariable(AreaVariables.TOWNSHIP_CODE, Routing.township(link.villageCode()));
      execution.setVariable(AreaVariables.COUNTY_CODE, Routing.county(link.villageCode()));
      execution.setVariable(TaskNaming.CHILD_LABEL, link.childLabel());
      execution.setVariable(GuardianshipCase.Var.MERGE_INTO_CASE, link.mergeIntoCase());
    };
  }

  @Bean
  JavaDelegate mergeCase(Cases cases) {
    return execution -> cases.merge(caseId(execution),
        (String) execution.getVariable(GuardianshipCase.Var.MERGE_INTO_CASE));
  }

  @Bean
  JavaDelegate handOverCase(Cases cases) {
    return execution -> cases.handOver(caseId(execution),
        (String) execution.getVariable(GuardianshipCase.Var.RISK_COLOUR),
        (String) execution.getVariable(GuardianshipCase.Var.NEXT_STEP));
  }

  @Bean
  JavaDelegate closeCase(Cases cases) {
    return execution -> {
      String nextStep = (String) execution.getVariable(GuardianshipCase.Var.NEXT_STEP);
      String reason;
      if (GuardianshipCase.Var.UNFOUNDED.equals(
          execution.getVariable(GuardianshipCase.Var.TRIAGE_DECISION))) {
        reason = CLOSED_UNFOUNDED;
      } else if ("monitoring".equals(nextStep)) {
        reason = CLOSED_MONITORING_ONLY;
      } else {
        reason = CLOSED_COMPLETED;
      }
      cases.close(caseId(execution), reason,
          (String) execution.getVariable(GuardianshipCase.Var.RISK_COLOUR), nextStep);
    };
  }

  @Bean
  JavaDelegate closeAssistedCase(Cases cases) {
    return execution -> {
      cases.closeApproved(caseId(execution),
          (String) execution.getVariable(GuardianshipCase.Var.CLOSURE_REASON),
          (String) execution.getVariable(GuardianshipCase.Var.CLOSURE_OUTCOME),
          CurrentUser.get().id());
      execution.setVariable(GuardianshipCase.Var.RETURN_VISITS_DONE, 0);
    };
  }

  @Bean
  JavaDelegate recordReturnVisit(Cases cases) {
    return execution -> execution.setVariable(GuardianshipCase.Var.RETURN_VISITS_DONE,
        cases.returnVisit(caseId(execution)));
  }

  @Bean
  JavaDelegate reopenCase(Cases cases) {
    return execution -> cases.renewedRisk(caseId(execution),
        (String) execution.getVariable(GuardianshipCase.Var.RETURN_VISIT_NOTE));
  }

  /** The station chief may change the computed priority only with a reason. */
  @Bean
  TaskCompletionRule priorityOverrideNeedsReason() {
    return new TaskCompletionRule() {
      @Override
      public boolean appliesTo(String processKey, String taskKey) {
        return GuardianshipCase.KEY.equals(processKey)
            && GuardianshipCase.TASK_TRIAGE.equals(taskKey);
      }

      @Override
      public List<FieldProblem> check(TaskSubmission submission) {
        Object chosen = submission.variable(GuardianshipCase.Var.TRIAGE_PRIORITY);
        Object computed = submission.variable(GuardianshipCase.Var.COMPUTED_PRIORITY);
        if (chosen != null && !Objects.equals(chosen, computed)
            && submission.textLength(GuardianshipCase.Var.PRIORITY_OVERRIDE_REASON) < 5) {
          return List.of(new FieldProblem(GuardianshipCase.Var.PRIORITY_OVERRIDE_REASON,
              "调整系统研判的响应优先级时须写明理由（至少5个字）"));
        }
        return List.of();
      }
    };
  }

  /** The child director enters the number of an existing child's file. */
  @Bean
  TaskCompletionRule registeredChildMustExist(ChildService children) {
    return new TaskCompletionRule() {
      @Override
      public boolean appliesTo(String processKey, String taskKey) {
        return GuardianshipCase.KEY.equals(processKey)
            && GuardianshipCase.TASK_REGISTER_CHILD.equals(taskKey);
      }

      @Override
      public List<FieldProblem> check(TaskSubmission submission) {
        Object id = submission.variable(GuardianshipCase.Var.REGISTERED_CHILD_ID);
        if (id instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
            && n.longValue() > 0 && children.reference(n.longValue()).isPresent()) {
          return List.of();
        }
        return List.of(new FieldProblem(GuardianshipCase.Var.REGISTERED_CHILD_ID,
            "请填写已建立的儿童档案编号"));
      }
    };
  }

  static long caseId(DelegateExecution execution) {
    return longVar(execution, GuardianshipCase.Var.CASE_ID);
  }

  static long longVar(DelegateExecution execution, String name) {
    return ((Number) execution.getVariable(name)).longValue();
  }
}
