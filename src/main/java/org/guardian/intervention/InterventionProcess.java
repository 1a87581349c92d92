package org.guardian.intervention;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.guardian.common.FieldProblem;
import org.guardian.workflow.AreaVariables;
import org.guardian.workflow.DisplayTime;
import org.guardian.workflow.TaskCompletionRule;
import org.guardian.workflow.TaskSubmission;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and completion rules of {@code guardianship-intervention}. Each delegate reads ids
 * and plain values from the variables, calls one method of {@link InterventionOrders} and writes
 * back plain values.
 */
@Configuration
class InterventionProcess {

  /** The field named when a required document is missing (the form's link to the upload page). */
  static final String DOCUMENTS_FIELD = "documents";

  /** Records the chosen measure as an order: issued, or applied for at the court. */
  @Bean
  JavaDelegate recordOrder(InterventionOrders orders) {
    return execution -> {
      OrderKind kind = OrderKind.ofMeasure(str(execution, GuardianshipIntervention.Var.MEASURE));
      boolean court = kind == OrderKind.PROTECTION_ORDER || kind == OrderKind.REVOCATION;
      long id = orders.record(str(execution, GuardianshipIntervention.Var.CASE_NUMBER),
          childId(execution), village(execution), kind,
          str(execution, GuardianshipIntervention.Var.ORDER_ISSUER),
          str(execution, GuardianshipIntervention.Var.ORDER_TERMS),
          court ? OrderStatus.APPLIED : OrderStatus.ISSUED);
      execution.setVariable(GuardianshipIntervention.Var.ORDER_ID, id);
      if (kind == OrderKind.PROTECTION_ORDER) {
        boolean urgent = Boolean.TRUE.equals(
            execution.getVariable(GuardianshipIntervention.Var.PROTECTION_URGENT));
        Instant due = orders.now().plus(Duration.ofHours(urgent ? 24 : 72));
        execution.setVariable(GuardianshipIntervention.Var.COURT_RULING_DUE, Date.from(due));
        execution.setVariable(GuardianshipIntervention.Var.COURT_RULING_DUE_LABEL,
            DisplayTime.of(due));
      }
    };
  }

  @Bean
  JavaDelegate recordCompliance(InterventionOrders orders) {
    return execution -> orders.status(orderId(execution),
        "complied".equals(execution.getVariable(GuardianshipIntervention.Var.COMPLIANCE))
            ? OrderStatus.COMPLIED : OrderStatus.NOT_COMPLIED);
  }

  @Bean
  JavaDelegate recordCourtRuling(InterventionOrders orders) {
    return execution -> {
      Object months = execution.getVariable(GuardianshipIntervention.Var.VALID_MONTHS);
      LocalDate validUntil = orders.ruling(orderId(execution),
          GuardianshipIntervention.Var.GRANTED.equals(
              execution.getVariable(GuardianshipIntervention.Var.COURT_RULING)),
          str(execution, GuardianshipIntervention.Var.DECISION_NUMBER),
          months == null ? null : ((Number) months).intValue());
      if (validUntil != null) {
        execution.setVariable(GuardianshipIntervention.Var.PROTECTION_VALID_UNTIL,
            validUntil.toString());
        execution.setVariable(GuardianshipIntervention.Var.PROTECTION_RENEWAL_DUE,
            Date.from(InterventionOrders.renewalDue(validUntil)));
      }
    };
  }

  @Bean
  JavaDelegate recordRenewalDecision(InterventionOrders orders) {
    return execution -> {
      if (!"renew".equals(execution.getVariable(GuardianshipIntervention.Var.RENEW_PROTECTION))) {
        orders.status(orderId(execution), OrderStatus.NOT_RENEWED);
      }
    };
  }

  @Bean
  JavaDelegate escalateCourtRuling(InterventionOrders orders) {
    return execution -> orders.escalateRuling(execution.getProcessInstanceId(),
        str(execution, AreaVariables.COUNTY_CODE));
  }

  @Bean
  JavaDelegate recordLongTermGuardianship(InterventionOrders orders) {
    return execution -> {
      long id = orders.record(str(execution, GuardianshipIntervention.Var.CASE_NUMBER),
          childId(execution), village(execution), OrderKind.LONG_TERM_GUARDIANSHIP,
          "县民政局（县未成年人救助保护中心）",
          str(execution, GuardianshipIntervention.Var.LONG_TERM_PLACE) + "；"
              + str(execution, GuardianshipIntervention.Var.LONG_TERM_NOTE),
          OrderStatus.IN_FORCE);
      execution.setVariable(GuardianshipIntervention.Var.ORDER_ID, id);
      orders.endTemporaryGuardianship(
          execution.getVariable(GuardianshipIntervention.Var.PLACEMENT_ID),
          execution.getVariable(GuardianshipIntervention.Var.PLACEMENT_TYPE));
    };
  }

  @Bean
  JavaDelegate restoreGuardianship(InterventionOrders orders) {
    return execution -> {
      long id = orders.record(str(execution, GuardianshipIntervention.Var.CASE_NUMBER),
          childId(execution), village(execution), OrderKind.RESTORATION,
          "县民政局（县未成年人救助保护中心）",
          str(execution, GuardianshipIntervention.Var.RESTORATION_NOTE), OrderStatus.IN_FORCE);
      execution.setVariable(GuardianshipIntervention.Var.ORDER_ID, id);
      orders.endTemporaryGuardianship(
          execution.getVariable(GuardianshipIntervention.Var.PLACEMENT_ID),
          execution.getVariable(GuardianshipIntervention.Var.PLACEMENT_TYPE));
    };
  }

  /** A granted protection order states its validity (1 to 6 months). */
  @Bean
  TaskCompletionRule grantedProtectionOrderHasValidity() {
    return new TaskCompletionRule() {
      @Override
      public boolean appliesTo(String processKey, String taskKey) {
        return GuardianshipIntervention.KEY.equals(processKey)
            && GuardianshipIntervention.TASK_PROTECTION_RULING.equals(taskKey);
      }

      @Override
      public List<FieldProblem> check(TaskSubmission submission) {
        if (GuardianshipIntervention.Var.GRANTED.equals(
            submission.variable(GuardianshipIntervention.Var.COURT_RULING))
            && submission.variable(GuardianshipIntervention.Var.VALID_MONTHS) == null) {
          return List.of(new FieldProblem(GuardianshipIntervention.Var.VALID_MONTHS,
              "准予人身安全保护令时须填写有效期（最长6个月）"));
        }
        return List.of();
      }
    };
  }

  /**
   * Tasks that record a court's decision need the decision in the child's file first: the ruling on
   * a protection order (uploaded since the task was created, i.e. after the application) and the
   * judgment revoking guardianship before the county centre arranges long-term guardianship
   * (uploaded since the day of the application). The forms link to the upload page.
   */
  @Bean
  TaskCompletionRule courtDecisionUploadedFirst(ChildDocuments documents,
      InterventionOrders orders) {
    return new TaskCompletionRule() {
      @Override
      public boolean appliesTo(String processKey, String taskKey) {
        return GuardianshipIntervention.KEY.equals(processKey)
            && (GuardianshipIntervention.TASK_PROTECTION_RULING.equals(taskKey)
            || GuardianshipIntervention.TASK_LONG_TERM.equals(taskKey));
      }

      @Override
      public List<FieldProblem> check(TaskSubmission submission) {
        boolean ruling = GuardianshipIntervention.TASK_PROTECTION_RULING.equals(
            submission.taskDefinitionKey());
        Number childId = submission.variable(GuardianshipIntervention.Var.CHILD_ID)
            instanceof Number n ? n : null;
        Number orderId = submission.variable(GuardianshipIntervention.Var.ORDER_ID)
            instanceof Number n ? n : null;
        if (childId == null || (!ruling && orderId == null)) {
          // an instance without its child or application cannot be checked: refused, not a 500
          return List.of(new FieldProblem(DOCUMENTS_FIELD,
              "本事项缺少儿童或申请信息，无法核对法院文书，请联系县级中心"));
        }
        Instant since = ruling ? submission.task().getCreateTime().toInstant()
            : orders.dayOf(orderId.longValue());
        boolean uploaded = documents.hasDocument(childId.longValue(),
            (String) submission.variable(GuardianshipIntervention.Var.CASE_NUMBER),
            DocumentType.COURT_DECISION, since);
        return uploaded ? List.of() : List.of(new FieldProblem(DOCUMENTS_FIELD,
            "请先在档案文件页面上传法院的裁定书或判决书（类型“法院裁定、判决”，归入本案件）"));
      }
    };
  }

  static String str(DelegateExecution execution, String name) {
    return (String) execution.getVariable(name);
  }

  static long childId(DelegateExecution execution) {
    return ((Number) execution.getVariable(GuardianshipIntervention.Var.CHILD_ID)).longValue();
  }

  static long orderId(DelegateExecution execution) {
    return ((Number) execution.getVariable(GuardianshipIntervention.Var.ORDER_ID)).longValue();
  }

  static String village(DelegateExecution execution) {
    return (String) execution.getVariable(AreaVariables.VILLAGE_CODE);
  }
}
