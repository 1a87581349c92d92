package org.guardian.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.guardian.common.FieldProblem;
import org.guardian.people.CurrentUser;
import org.guardian.workflow.TaskCompletionRule;
import org.guardian.workflow.TaskSubmission;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates, listener and completion rules of {@code risk-assessment}. */
@Configuration
class RiskAssessmentProcess {

  @Bean
  JavaDelegate recordAssessment(Assessments assessments) {
    return execution -> {
      Map<String, Object> indicators = new LinkedHashMap<>();
      for (String name : RiskAssessment.INDICATORS) {
        indicators.put(name, execution.getVariable(name));
      }
      long id = assessments.record(
          ((Number) execution.getVariable(RiskAssessment.Var.CHILD_ID)).longValue(),
          (String) execution.getVariable(RiskAssessment.Var.CASE_NUMBER),
          execution.getProcessInstanceId(), indicators, outcome(execution));
      execution.setVariable(RiskAssessment.Var.ASSESSMENT_ID, id);
    };
  }

  @Bean
  JavaDelegate recordRiskConfirmation(Assessments assessments) {
    return execution -> assessments.confirm(
        ((Number) execution.getVariable(RiskAssessment.Var.ASSESSMENT_ID)).longValue(),
        (String) execution.getVariable(RiskAssessment.Var.COLOUR_CONFIRMED_BY),
        (String) execution.getVariable(RiskAssessment.Var.CONFIRMED_COLOUR),
        (String) execution.getVariable(RiskAssessment.Var.COLOUR_OVERRIDE_REASON),
        outcome(execution));
  }

  /** Who confirmed the colour (the recording step runs later, on the system's account). */
  @Bean
  TaskListener rememberRiskColourConfirmer() {
    return task -> task.getExecution().setVariable(RiskAssessment.Var.COLOUR_CONFIRMED_BY,
        CurrentUser.get().id());
  }

  /** Indicators returned for collection again must say what to check. */
  @Bean
  TaskCompletionRule indicatorReturnNeedsComment() {
    return new TaskCompletionRule() {
      @Override
      public boolean appliesTo(String processKey, String taskKey) {
        return RiskAssessment.KEY.equals(processKey) && RiskAssessment.TASK_REVIEW.equals(taskKey);
      }

      @Override
      public List<FieldProblem> check(TaskSubmission s) {
        if (RiskAssessment.Var.RETURNED.equals(s.variable(RiskAssessment.Var.INDICATOR_REVIEW))
            && s.textLength(RiskAssessment.Var.INDICATOR_REVIEW_COMMENT) < 5) {
          return List.of(new FieldProblem(RiskAssessment.Var.INDICATOR_REVIEW_COMMENT,
              "退回重新采集时须写明需要核实的内容（至少5个字）"));
        }
        return List.of();
      }
    };
  }

  /** The supervisor may change the colour only with a reason. */
  @Bean
  TaskCompletionRule colourChangeNeedsReason() {
    return new TaskCompletionRule() {
      @Override
      public boolean appliesTo(String processKey, String taskKey) {
        return RiskAssessment.KEY.equals(processKey)
            && RiskAssessment.TASK_CONFIRM.equals(taskKey);
      }

      @Override
      public List<FieldProblem> check(TaskSubmission s) {
        Object confirmed = s.variable(RiskAssessment.Var.CONFIRMED_COLOUR);
        if (confirmed != null
            && !Objects.equals(confirmed, s.variable(RiskAssessment.Var.COMPUTED_COLOUR))
            && s.textLength(RiskAssessment.Var.COLOUR_OVERRIDE_REASON) < 5) {
          return List.of(new FieldProblem(RiskAssessment.Var.COLOUR_OVERRIDE_REASON,
              "调整风险等级时须写明理由（至少5个字）"));
        }
        return List.of();
      }
    };
  }

  private static Assessment.Outcome outcome(DelegateExecution execution) {
    Object visit = execution.getVariable(RiskAssessment.Var.VISIT_EVERY_DAYS);
    return new Assessment.Outcome(
        (String) execution.getVariable(RiskAssessment.Var.RISK_COLOUR),
        (String) execution.getVariable(RiskAssessment.Var.RISK_REASON),
        (String) execution.getVariable(RiskAssessment.Var.NEXT_STEP),
        ((Number) execution.getVariable(RiskAssessment.Var.REASSESS_WITHIN_DAYS)).intValue(),
        visit == null ? null : ((Number) visit).intValue());
  }
}
