package org.guardian.emergency;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.guardian.common.FieldProblem;
import org.guardian.workflow.AreaVariables;
import org.guardian.workflow.TaskCompletionRule;
import org.guardian.workflow.TaskSubmission;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates and completion rules of {@code emergency-response} and {@code placement-review}. */
@Configuration
class EmergencyProcess {

  @Bean
  JavaDelegate escalatePoliceProtection(Placements placements) {
    return execution -> placements.escalatePoliceProtection(execution.getProcessInstanceId(),
        (String) execution.getVariable(AreaVariables.COUNTY_CODE));
  }

  @Bean
  JavaDelegate recordPlacement(Placements placements) {
    return execution -> {
      Placements.Decision d = new Placements.Decision(
          PlacementKind.ofFormValue(execution.getVariable(EmergencyResponse.Var.PLACEMENT_TYPE))
              .orElseThrow(),
          PlacementKind.TEMPORARY_GUARDIANSHIP.formValue().equals(
              execution.getVariable(EmergencyResponse.Var.PLACEMENT_TYPE))
              ? StatutoryGround.ofFormValue(
                  execution.getVariable(EmergencyResponse.Var.STATUTORY_GROUND)).orElseThrow()
              : null,
          text(execution, EmergencyResponse.Var.CAREGIVER_NAME),
          text(execution, EmergencyResponse.Var.CAREGIVER_RELATIONSHIP),
          text(execution, EmergencyResponse.Var.CAREGIVER_PHONE),
          text(execution, EmergencyResponse.Var.PLACEMENT_PLACE),
          text(execution, EmergencyResponse.Var.PLACEMENT_NOTE));
      Object childId = execution.getVariable(EmergencyResponse.Var.CHILD_ID);
      long id = placements.record(
          (String) execution.getVariable(EmergencyResponse.Var.CASE_NUMBER),
          childId == null ? null : ((Number) childId).longValue(),
          (String) execution.getVariable(AreaVariables.VILLAGE_CODE),
          (String) execution.getVariable(AreaVariables.TOWNSHIP_CODE),
          (String) execution.getVariable(AreaVariables.COUNTY_CODE), d);
      execution.setVariable(EmergencyResponse.Var.PLACEMENT_ID, id);
    };
  }

  @Bean
  JavaDelegate startPlacementReview(Placements placements) {
    return execution -> placements.startReview(placementId(execution));
  }

  @Bean
  JavaDelegate recordPlacementReview(Placements placements) {
    return execution -> placements.recordReview(placementId(execution),
        (String) execution.getVariable(EmergencyResponse.Var.REVIEW_OUTCOME),
        text(execution, EmergencyResponse.Var.REVIEW_NOTE));
  }

  @Bean
  JavaDelegate closePlacement(Placements placements) {
    return execution -> placements.end(placementId(execution), "临时监护已结束（后续监护安排）");
  }

  /**
   * A temporary guardianship needs its statutory ground (and, for "other situations in law", the
   * provision in the note); a child placed with relatives or the entrusted caregiver needs the
   * caregiver's name.
   */
  @Bean
  TaskCompletionRule placementNeedsGroundOrCaregiver() {
    return new TaskCompletionRule() {
      @Override
      public boolean appliesTo(String processKey, String taskKey) {
        return EmergencyResponse.KEY.equals(processKey)
            && EmergencyResponse.TASK_DECIDE_PLACEMENT.equals(taskKey);
      }

      @Override
      public List<FieldProblem> check(TaskSubmission s) {
        List<FieldProblem> problems = new ArrayList<>();
        Object type = s.variable(EmergencyResponse.Var.PLACEMENT_TYPE);
        if (EmergencyResponse.Var.TEMPORARY_GUARDIANSHIP.equals(type)) {
          Object ground = s.variable(EmergencyResponse.Var.STATUTORY_GROUND);
          if (StatutoryGround.ofFormValue(ground).isEmpty()) {
            problems.add(new FieldProblem(EmergencyResponse.Var.STATUTORY_GROUND,
                "临时监护须选择未成年人保护法第九十二条规定的情形"));
          } else if (StatutoryGround.ofFormValue(ground).get() == StatutoryGround.ART92_7
              && s.textLength(EmergencyResponse.Var.PLACEMENT_NOTE) < 10) {
            problems.add(new FieldProblem(EmergencyResponse.Var.PLACEMENT_NOTE,
                "选择“法律规定的其他情形”时须在安置说明中写明法律依据（至少10个字）"));
          }
        } else if (type != null
            && s.textLength(EmergencyResponse.Var.CAREGIVER_NAME) < 2) {
          problems.add(new FieldProblem(EmergencyResponse.Var.CAREGIVER_NAME,
              "由亲属或委托照护人照料时须填写照料人姓名"));
        }
        return problems;
      }
    };
  }

  private static String text(DelegateExecution execution, String name) {
    Object v = execution.getVariable(name);
    return v instanceof String s && !s.isBlank() ? s.trim() : null;
  }

  private static long placementId(DelegateExecution execution) {
    return ((Number) execution.getVariable(EmergencyResponse.Var.PLACEMENT_ID)).longValue();
  }
}
