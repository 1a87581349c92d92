package org.guardian.intervention;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.task.Task;
import org.guardian.audit.AuditAction;
import org.guardian.audit.AuditLog;
import org.guardian.common.ForbiddenException;
import org.guardian.common.NotFoundException;
import org.guardian.emergency.EmergencyResponse;
import org.guardian.people.CurrentUser;
import org.guardian.people.Role;
import org.guardian.people.Routing;
import org.guardian.registry.ChildService;
import org.guardian.workflow.AreaVariables;
import org.guardian.workflow.SystemEngineCalls;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The orders of guardianship interventions in the child's file, and the court's judgments that
 * arrive from outside. Engine calls go through {@link SystemEngineCalls}.
 */
@Service
class InterventionOrders {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  /** The longest validity of a personal safety protection order (Anti-Domestic Violence Law). */
  static final int PROTECTION_MAX_MONTHS = 6;
  /** The renewal decision is due this many days before a protection order expires. */
  static final int RENEWAL_DAYS_BEFORE_EXPIRY = 14;

  private final InterventionOrderRepository orders;
  private final ChildService children;
  private final AuditLog audit;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final SystemEngineCalls engine;
  private final Clock clock;

  InterventionOrders(InterventionOrderRepository orders, ChildService children, AuditLog audit,
      RuntimeService runtime, TaskService tasks, SystemEngineCalls engine, Clock clock) {
    this.orders = orders;
    this.children = children;
    this.audit = audit;
    this.runtime = runtime;
    this.tasks = tasks;
    this.engine = engine;
    this.clock = clock;
  }

  Instant now() {
    return clock.instant();
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(ZONE));
  }

  @Transactional
  long record(String caseNumber, long childId, String villageCode, OrderKind kind, String issuer,
      String terms, OrderStatus status) {
    InterventionOrder o = new InterventionOrder(caseNumber, childId, villageCode, kind, issuer,
        today(), terms, status, CurrentUser.get().id(), clock.instant());
    orders.saveAndFlush(o);
    audit.record(AuditAction.ORDER_RECORDED, childId, villageCode,
        "case=" + caseNumber + "; order=" + o.getId() + "; " + kind + " " + status);
    return o.getId();
  }

  @Transactional
  void status(long orderId, OrderStatus status) {
    InterventionOrder o = find(orderId);
    o.status(status, clock.instant());
    audit.record(AuditAction.ORDER_RECORDED, o.getChildId(), o.getVillageCode(),
        "order=" + orderId + "; " + status);
  }

  /** The start of the day (county time) on which the order was issued or applied for. */
  @Transactional(readOnly = true)
  Instant dayOf(long orderId) {
    return find(orderId).getIssuedOn().atStartOfDay(ZONE).toInstant();
  }

  /** The court's ruling; a granted protection order is valid for validMonths (at most 6). */
  @Transactional
  LocalDate ruling(long orderId, boolean granted, String decisionNumber, Integer validMonths) {
    InterventionOrder o = find(orderId);
    LocalDate validUntil = null;
    if (granted && o.getKind() == OrderKind.PROTECTION_ORDER) {
      int months = validMonths == null ? PROTECTION_MAX_MONTHS
          : Math.max(1, Math.min(PROTECTION_MAX_MONTHS, validMonths));
      validUntil = today().plusMonths(months);
    }
    o.ruling(granted, decisionNumber, validUntil, clock.instant());
    audit.record(AuditAction.ORDER_RECORDED, o.getChildId(), o.getVillageCode(),
        "order=" + orderId + "; " + o.getStatus());
    return validUntil;
  }

  /** When the renewal decision of a protection order valid until the given day is due. */
  static Instant renewalDue(LocalDate validUntil) {
    return validUntil.minusDays(RENEWAL_DAYS_BEFORE_EXPIRY).atStartOfDay(ZONE).toInstant();
  }

  /** A late court ruling: the county centre joins the candidates of the ruling task. */
  void escalateRuling(String processInstanceId, String countyCode) {
    engine.run(() -> {
      for (Task t : tasks.createTaskQuery().processInstanceId(processInstanceId)
          .taskDefinitionKey(GuardianshipIntervention.TASK_PROTECTION_RULING).list()) {
        tasks.addCandidateGroup(t.getId(), Routing.group(Role.COUNTY_CENTRE, countyCode));
      }
    });
  }

  /** Ends the temporary guardianship of the case, if there is one (placement-review waits). */
  void endTemporaryGuardianship(Object placementId, Object placementType) {
    if (placementId == null
        || !EmergencyResponse.Var.TEMPORARY_GUARDIANSHIP.equals(placementType)) {
      return;
    }
    engine.run(() -> {
      if (runtime.createExecutionQuery().processDefinitionKey(EmergencyResponse.REVIEW_KEY)
          .processInstanceBusinessKey(String.valueOf(placementId))
          .messageEventSubscriptionName(EmergencyResponse.MSG_PLACEMENT_ENDED).count() > 0) {
        runtime.createMessageCorrelation(EmergencyResponse.MSG_PLACEMENT_ENDED)
            .processInstanceBusinessKey(String.valueOf(placementId)).correlate();
      }
    });
  }

  /** The court's judgment on a revocation, from the court/procuratorate liaison. */
  @Transactional
  void courtDecision(String caseNumber, String ruling, String decisionNumber) {
    CurrentUser user = CurrentUser.get();
    if (!user.hasAnyRole(Role.LEGAL_OFFICER, Role.ADMIN)) {
      throw new ForbiddenException("只有法治副站长（法院、检察院联络人）可以反馈判决结果");
    }
    engine.run(() -> {
      Execution waiting = runtime.createExecutionQuery()
          .processDefinitionKey(GuardianshipIntervention.KEY)
          .processInstanceBusinessKey(caseNumber)
          .messageEventSubscriptionName(GuardianshipIntervention.MSG_REVOCATION_DECIDED)
          .singleResult();
      if (waiting == null) {
        throw new NotFoundException("该案件没有待判决的撤销监护人资格申请");
      }
      String village = (String) runtime.getVariable(waiting.getId(), AreaVariables.VILLAGE_CODE);
      if (!user.covers(village)) {
        throw new NotFoundException("该案件没有待判决的撤销监护人资格申请");
      }
      runtime.createMessageCorrelation(GuardianshipIntervention.MSG_REVOCATION_DECIDED)
          .processInstanceBusinessKey(caseNumber)
          .setVariable(GuardianshipIntervention.Var.COURT_RULING, ruling)
          .setVariable(GuardianshipIntervention.Var.DECISION_NUMBER, decisionNumber)
          .correlate();
    });
  }

  /** The orders in a child's file (access as to the file itself; audited). */
  @Transactional
  List<OrderView> ofChild(long childId) {
    children.requireReadable(childId, "orders");
    return orders.findByChildIdOrderByIssuedOnDescIdDesc(childId).stream().map(OrderView::of)
        .toList();
  }

  @Transactional(readOnly = true)
  List<OrderView> ofCase(String caseNumber) {
    return orders.findByCaseNumberOrderByIdAsc(caseNumber).stream().map(OrderView::of).toList();
  }

  private InterventionOrder find(long id) {
    return orders.findById(id).orElseThrow(() -> new NotFoundException("干预措施记录不存在"));
  }
}
