package org.guardian.assistance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.guardian.audit.AuditAction;
import org.guardian.audit.AuditLog;
import org.guardian.common.NotFoundException;
import org.guardian.people.Role;
import org.guardian.people.Routing;
import org.guardian.workflow.SystemEngineCalls;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case plans and referrals in the child's file. Engine calls (adding the station chief to an
 * overdue referral) are made on the system's account ({@link SystemEngineCalls}).
 */
@Service
class AssistancePlans {

  private final org.guardian.registry.ChildService children;
  private final CasePlanRepository plans;
  private final ReferralRepository referrals;
  private final AuditLog audit;
  private final TaskService tasks;
  private final SystemEngineCalls engine;
  private final Clock clock;

  AssistancePlans(org.guardian.registry.ChildService children, CasePlanRepository plans,
      ReferralRepository referrals, AuditLog audit, TaskService tasks, SystemEngineCalls engine,
      Clock clock) {
    this.children = children;
    this.plans = plans;
    this.referrals = referrals;
    this.audit = audit;
    this.tasks = tasks;
    this.engine = engine;
    this.clock = clock;
  }

  record PlanInput(String caseNumber, long childId, String villageCode, String riskColour,
      String goals, List<String> services, String responsible, int reviewDays, String by) {}

  @Transactional
  long recordPlan(PlanInput in) {
    CasePlan plan = new CasePlan(in.caseNumber(), in.childId(), in.riskColour(), in.goals(),
        in.services() == null ? null : String.join(",", in.services()), in.responsible(),
        in.reviewDays(), in.by(), clock.instant());
    plans.saveAndFlush(plan);
    audit.record(AuditAction.CASE_PLAN_RECORDED, in.childId(), in.villageCode(),
        "case=" + in.caseNumber() + "; plan=" + plan.getId());
    return plan.getId();
  }

  @Transactional
  void reviewPlan(long planId, String villageCode, boolean achieved, int nextReviewDays) {
    CasePlan plan = plans.findById(planId).orElseThrow(() -> new NotFoundException("帮扶计划不存在"));
    plan.reviewed(achieved, nextReviewDays, clock.instant());
    audit.record(AuditAction.CASE_PLAN_RECORDED, plan.getChildId(), villageCode,
        "plan=" + planId + "; review=" + (achieved ? "achieved" : "continue"));
  }

  record Sent(long referralId, Instant dueAt) {}

  @Transactional
  Sent send(String caseNumber, long childId, String villageCode, String department, int dueDays) {
    Instant now = clock.instant();
    Referral r = new Referral(caseNumber, childId, department, now,
        now.plus(Duration.ofDays(dueDays)));
    referrals.saveAndFlush(r);
    audit.record(AuditAction.REFERRAL_RECORDED, childId, villageCode,
        "case=" + caseNumber + "; referral=" + r.getId() + "; department=" + department
            + "; SENT");
    return new Sent(r.getId(), r.getDueAt());
  }

  @Transactional
  void answer(long referralId, String villageCode, boolean accepted, String reason) {
    Referral r = find(referralId);
    r.answer(accepted, reason, clock.instant());
    audit.record(AuditAction.REFERRAL_RECORDED, r.getChildId(), villageCode,
        "referral=" + referralId + "; " + r.getState());
  }

  @Transactional
  void done(long referralId, String villageCode, String note) {
    Referral r = find(referralId);
    r.done(note, clock.instant());
    audit.record(AuditAction.REFERRAL_RECORDED, r.getChildId(), villageCode,
        "referral=" + referralId + "; DONE");
  }

  /** An overdue referral: marked, and the station chief joins the candidates of the follow-up. */
  @Transactional
  void escalate(long referralId, String villageCode, String processInstanceId,
      String townshipCode) {
    Referral r = find(referralId);
    r.overdue(clock.instant());
    audit.record(AuditAction.REFERRAL_RECORDED, r.getChildId(), villageCode,
        "referral=" + referralId + "; overdue");
    engine.run(() -> {
      for (Task t : tasks.createTaskQuery().processInstanceId(processInstanceId)
          .taskDefinitionKey(Assistance.TASK_FOLLOW_UP_REFERRAL).list()) {
        tasks.addCandidateGroup(t.getId(), Routing.group(Role.STATION_CHIEF, townshipCode));
      }
    });
  }

  /** The referrals of a case, as plain views (for tests and the case's page). */
  @Transactional(readOnly = true)
  List<ReferralView> ofCase(String caseNumber) {
    return referrals.findByCaseNumberOrderByIdAsc(caseNumber).stream().map(ReferralView::of)
        .toList();
  }

  /** The referrals in a child's file (access as to the file itself; audited). */
  @Transactional
  List<ReferralView> ofChild(long childId) {
    children.requireReadable(childId, "referrals");
    return referrals.findByChildIdOrderByIdDesc(childId).stream().map(ReferralView::of).toList();
  }

  private Referral find(long id) {
    return referrals.findById(id).orElseThrow(() -> new NotFoundException("转介记录不存在"));
  }
}
