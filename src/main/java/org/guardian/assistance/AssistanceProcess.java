package org.guardian.assistance;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.guardian.common.FieldProblem;
import org.guardian.people.CurrentUser;
import org.guardian.workflow.AreaVariables;
import org.guardian.workflow.DisplayTime;
import org.guardian.workflow.TaskCompletionRule;
import org.guardian.workflow.TaskSubmission;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and completion rules of {@code assistance} and {@code referral}. Each delegate reads
 * ids and plain values from the variables, calls one method of {@link AssistancePlans} and writes
 * back plain values.
 */
@Configuration
class AssistanceProcess {

  @Bean
  JavaDelegate recordCasePlan(AssistancePlans plans) {
    return execution -> {
      @SuppressWarnings("unchecked")
      List<String> services = (List<String>) execution.getVariable(Assistance.Var.PLAN_SERVICES);
      long id = plans.recordPlan(new AssistancePlans.PlanInput(
          (String) execution.getVariable(Assistance.Var.CASE_NUMBER), childId(execution),
          village(execution), (String) execution.getVariable(Assistance.Var.RISK_COLOUR),
          (String) execution.getVariable(Assistance.Var.PLAN_GOALS), services,
          (String) execution.getVariable(Assistance.Var.PLAN_RESPONSIBLE),
          intVar(execution, Assistance.Var.PLAN_REVIEW_DAYS), CurrentUser.get().id()));
      execution.setVariable(Assistance.Var.CASE_PLAN_ID, id);
    };
  }

  @Bean
  JavaDelegate recordPlanReview(AssistancePlans plans) {
    return execution -> plans.reviewPlan(
        ((Number) execution.getVariable(Assistance.Var.CASE_PLAN_ID)).longValue(),
        village(execution),
        Assistance.Var.ACHIEVED.equals(execution.getVariable(Assistance.Var.PLAN_REVIEW_OUTCOME)),
        intVar(execution, Assistance.Var.PLAN_REVIEW_DAYS));
  }

  @Bean
  JavaDelegate sendReferral(AssistancePlans plans) {
    return execution -> {
      AssistancePlans.Sent sent = plans.send(
          (String) execution.getVariable(Assistance.Var.CASE_NUMBER), childId(execution),
          village(execution), (String) execution.getVariable(Assistance.Var.DEPARTMENT),
          intVar(execution, Assistance.Var.REFERRAL_DUE_DAYS));
      execution.setVariable(Assistance.Var.REFERRAL_ID, sent.referralId());
      execution.setVariable(Assistance.Var.REFERRAL_DUE, Date.from(sent.dueAt()));
      execution.setVariable(Assistance.Var.REFERRAL_DUE_LABEL, DisplayTime.of(sent.dueAt()));
    };
  }

  @Bean
  JavaDelegate recordReferralAnswer(AssistancePlans plans) {
    return execution -> plans.answer(referralId(execution), village(execution),
        Assistance.Var.ACCEPTED.equals(execution.getVariable(Assistance.Var.REFERRAL_ANSWER)),
        (String) execution.getVariable(Assistance.Var.REFERRAL_REJECT_REASON));
  }

  @Bean
  JavaDelegate recordReferralDone(AssistancePlans plans) {
    return execution -> plans.done(referralId(execution), village(execution),
        (String) execution.getVariable(Assistance.Var.REFERRAL_NOTE));
  }

  @Bean
  JavaDelegate escalateReferral(AssistancePlans plans) {
    return execution -> plans.escalate(referralId(execution), village(execution),
        execution.getProcessInstanceId(),
        (String) execution.getVariable(AreaVariables.TOWNSHIP_CODE));
  }

  /** A department's refusal is recorded with its reason. */
  @Bean
  TaskCompletionRule referralRejectionNeedsReason() {
    return new TaskCompletionRule() {
      @Override
      public boolean appliesTo(String processKey, String taskKey) {
        return Assistance.REFERRAL_KEY.equals(processKey)
            && Assistance.TASK_FOLLOW_UP_REFERRAL.equals(taskKey);
      }

      @Override
      public List<FieldProblem> check(TaskSubmission submission) {
        Object reason = submission.variable(Assistance.Var.REFERRAL_REJECT_REASON);
        if (Assistance.Var.REJECTED.equals(submission.variable(Assistance.Var.REFERRAL_ANSWER))
            && (!(reason instanceof String s) || s.trim().length() < 2)) {
          return List.of(new FieldProblem(Assistance.Var.REFERRAL_REJECT_REASON,
              "部门不予受理时须写明理由"));
        }
        return List.of();
      }
    };
  }

  static long childId(DelegateExecution execution) {
    return ((Number) execution.getVariable(Assistance.Var.CHILD_ID)).longValue();
  }

  static long referralId(DelegateExecution execution) {
    return ((Number) execution.getVariable(Assistance.Var.REFERRAL_ID)).longValue();
  }

  static int intVar(DelegateExecution execution, String name) {
    return ((Number) execution.getVariable(name)).intValue();
  }

  static String village(DelegateExecution execution) {
    return (String) execution.getVariable(AreaVariables.VILLAGE_CODE);
  }
}
