package org.guardian.emergency;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.guardian.audit.AuditAction;
import org.guardian.audit.AuditLog;
import org.guardian.common.NotFoundException;
import org.guardian.people.CurrentUser;
import org.guardian.people.Role;
import org.guardian.people.Routing;
import org.guardian.registry.ChildService;
import org.guardian.reporting.ChildLinkedToCase;
import org.guardian.workflow.AreaVariables;
import org.guardian.workflow.SystemEngineCalls;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Placements decided in emergencies, kept in the child's file, and the periodic review of a
 * temporary guardianship ({@code placement-review}). Engine calls are made on the system's account
 * ({@link SystemEngineCalls}).
 */
@Service
class Placements {

  private final PlacementRepository placements;
  private final ChildService children;
  private final AuditLog audit;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final SystemEngineCalls engine;
  private final Clock clock;

  Placements(PlacementRepository placements, ChildService children, AuditLog audit,
      RuntimeService runtime, TaskService tasks, SystemEngineCalls engine, Clock clock) {
    this.placements = placements;
    this.children = children;
    this.audit = audit;
    this.runtime = runtime;
    this.tasks = tasks;
    this.engine = engine;
    this.clock = clock;
  }

  /** The placement decision as the county centre submitted it. */
  record Decision(PlacementKind kind, StatutoryGround ground, String caregiverName,
      String caregiverRelationship, String caregiverPhone, String place, String note) {}

  /** Records a placement under the case (and in the child's file when the child is known). */
  @Transactional
  long record(String caseNumber, Long childId, String villageCode, String townshipCode,
      String countyCode, Decision d) {
    Placement p = new Placement(caseNumber, childId, countyCode, townshipCode, villageCode,
        d.kind(), d.ground(), d.caregiverName(), d.caregiverRelationship(), d.caregiverPhone(),
        d.place(), d.note(), CurrentUser.get().id(), clock.instant());
    placements.saveAndFlush(p);
    audit.record(AuditAction.PLACEMENT_RECORDED, childId,
        villageCode != null ? villageCode : townshipCode,
        "case=" + caseNumber + "; kind=" + d.kind() + (d.ground() == null ? "" : "; ground="
            + d.ground()));
    return p.getId();
  }

  /** Starts the periodic review of a temporary guardianship (business key: the placement id). */
  @Transactional
  void startReview(long placementId) {
    Placement p = find(placementId);
    Map<String, Object> vars = new HashMap<>();
    if (p.getChildId() != null) {
      vars.putAll(children.processVariables(p.getChildId()));
    } else {
      vars.put(AreaVariables.VILLAGE_CODE, p.getVillageCode());
      vars.put(AreaVariables.TOWNSHIP_CODE, p.getTownshipCode());
      vars.put(AreaVariables.COUNTY_CODE, p.getCountyCode());
    }
    vars.put(EmergencyResponse.Var.PLACEMENT_ID, p.getId());
    vars.put(EmergencyResponse.Var.CASE_NUMBER, p.getCaseNumber());
    vars.put(EmergencyResponse.Var.CHILD_ID, p.getChildId());
    engine.run(() -> runtime.startProcessInstanceByKey(EmergencyResponse.REVIEW_KEY,
        String.valueOf(p.getId()), vars));
  }

  /** A review of a temporary guardianship; an outcome of {@code end} ends the placement. */
  @Transactional
  void recordReview(long placementId, String outcome, String note) {
    Placement p = find(placementId);
    p.reviewed(clock.instant(), note);
    if (EmergencyResponse.Var.END.equals(outcome)) {
      p.end(clock.instant(), "复查结束临时监护");
    }
    audit.record(AuditAction.PLACEMENT_RECORDED, p.getChildId(), area(p),
        "placement=" + p.getId() + "; review=" + outcome);
  }

  /** The temporary guardianship ended from outside (part 2 of the chain). */
  @Transactional
  void end(long placementId, String reason) {
    Placement p = find(placementId);
    p.end(clock.instant(), reason);
    audit.record(AuditAction.PLACEMENT_RECORDED, p.getChildId(), area(p),
        "placement=" + p.getId() + "; ended");
  }

  /** An overdue police protection: the county centre joins the candidates of the task. */
  @Transactional
  void escalatePoliceProtection(String processInstanceId, String countyCode) {
    engine.run(() -> {
      for (Task t : tasks.createTaskQuery().processInstanceId(processInstanceId)
          .taskDefinitionKey(EmergencyResponse.TASK_POLICE_PROTECTION).list()) {
        tasks.addCandidateGroup(t.getId(), Routing.group(Role.COUNTY_CENTRE, countyCode));
      }
    });
  }

  /** Placements made before the child was known now belong to the child's file. */
  @EventListener
  @Transactional
  void on(ChildLinkedToCase linked) {
    for (Placement p : placements.findByCaseNumberAndChildIdIsNull(linked.caseNumber())) {
      p.childKnown(linked.childId(), linked.villageCode());
    }
  }

  /** The placements in a child's file (access as to the file itself; audited). */
  @Transactional
  List<PlacementView> ofChild(long childId) {
    children.requireReadable(childId, "placements");
    return placements.findByChildIdOrderByDecidedAtDescIdDesc(childId).stream()
        .map(PlacementView::of).toList();
  }

  private Placement find(long id) {
    return placements.findById(id).orElseThrow(() -> new NotFoundException("安置记录不存在"));
  }

  private static String area(Placement p) {
    return p.getVillageCode() != null ? p.getVillageCode() : p.getTownshipCode();
  }
}
