package org.guardian.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.guardian.audit.AuditAction;
import org.guardian.audit.AuditLog;
import org.guardian.common.NotFoundException;
import org.guardian.registry.ChildReference;
import org.guardian.registry.ChildService;
import org.guardian.workflow.SystemEngineCalls;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Guardianship-risk assessments in the child's file. The decision that made each colour is read from
 * Camunda's decision history (definition id and version, instance id), on the system's account.
 */
@Service
class Assessments {

  private final AssessmentRepository assessments;
  private final ChildService children;
  private final HistoryService history;
  private final RepositoryService repository;
  private final SystemEngineCalls engine;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json;
  private final Clock clock;

  Assessments(AssessmentRepository assessments, ChildService children, HistoryService history,
      RepositoryService repository, SystemEngineCalls engine, AuditLog audit,
      ApplicationEventPublisher events, ObjectMapper json, Clock clock) {
    this.assessments = assessments;
    this.children = children;
    this.history = history;
    this.repository = repository;
    this.engine = engine;
    this.audit = audit;
    this.events = events;
    this.json = json;
    this.clock = clock;
  }

  /** Records the assessment as the decision made it, with the decision's version. */
  @Transactional
  long record(long childId, String caseNumber, String processInstanceId,
      Map<String, Object> indicators, Assessment.Outcome outcome) {
    ChildReference child = children.reference(childId)
        .orElseThrow(() -> new NotFoundException("儿童档案不存在"));
    Assessment a = new Assessment(childId, caseNumber, child.villageCode(), processInstanceId,
        toJson(indicators), outcome,
        decisionMade(processInstanceId, RiskAssessment.TASK_EVALUATE), clock.instant());
    assessments.saveAndFlush(a);
    audit.record(AuditAction.ASSESSMENT_RECORDED, childId, child.villageCode(),
        "assessment=" + a.getId() + "; colour=" + outcome.colour() + "; decisionVersion="
            + a.getDecisionVersion());
    return a.getId();
  }

  /**
   * The supervisor confirmed the colour, or changed it: then the outcome of the changed colour, the
   * reason, and the version of the decision that decided that outcome are recorded.
   */
  @Transactional
  void confirm(long assessmentId, String confirmedBy, String confirmedColour, String reason,
      Assessment.Outcome changedOutcome) {
    Assessment a = assessments.findById(assessmentId)
        .orElseThrow(() -> new NotFoundException("评估记录不存在"));
    if (confirmedColour.equals(a.getComputedColour())) {
      a.confirm(confirmedBy, clock.instant());
    } else {
      a.override(changedOutcome, reason,
          decisionMade(a.getProcessInstanceId(), RiskAssessment.TASK_REEVALUATE), confirmedBy,
          clock.instant());
    }
    audit.record(AuditAction.ASSESSMENT_RECORDED, a.getChildId(), a.getVillageCode(),
        "assessment=" + a.getId() + "; colour=" + a.getColour()
            + (a.isOverridden() ? "; overridden from " + a.getComputedColour() : "; confirmed"));
    events.publishEvent(new GuardianshipRiskAssessed(a.getId(), a.getChildId(),
        a.getVillageCode(), a.getCaseNumber(), a.getColour(), a.getNextStep(),
        a.getReassessWithinDays(), a.getVisitEveryDays(), a.getConfirmedAt()));
  }

  /** The assessments in a child's file, newest first (access as to the file itself; audited). */
  @Transactional
  List<AssessmentView> ofChild(long childId) {
    children.requireReadable(childId, "assessments");
    return assessments.findByChildIdOrderByAssessedAtDescIdDesc(childId).stream()
        .map(this::view).toList();
  }

  private Assessment.DecisionMade decisionMade(String processInstanceId, String activityId) {
    return engine.call(() -> {
      HistoricDecisionInstance d = history.createHistoricDecisionInstanceQuery()
          .processInstanceId(processInstanceId).activityIdIn(activityId)
          .decisionDefinitionKey(RiskAssessment.DECISION)
          .orderByEvaluationTime().desc().list().stream().findFirst()
          .orElseThrow(() -> new IllegalStateException("no decision history for " + activityId));
      int version = repository.getDecisionDefinition(d.getDecisionDefinitionId()).getVersion();
      return new Assessment.DecisionMade(d.getDecisionDefinitionKey(),
          d.getDecisionDefinitionId(), version, d.getId());
    });
  }

  private String toJson(Map<String, Object> indicators) {
    try {
      return json.writeValueAsString(new LinkedHashMap<>(indicators));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private AssessmentView view(Assessment a) {
    try {
      return new AssessmentView(a.getId(), a.getCaseNumber(), a.getAssessedAt(), a.getStatus(),
          json.readTree(a.getIndicators()), a.getComputedColour(), a.getRiskReason(),
          a.getColour(), a.isOverridden(), a.getOverrideReason(), a.getConfirmedBy(),
          a.getConfirmedAt(), a.getNextStep(), a.getReassessWithinDays(), a.getVisitEveryDays(),
          new AssessmentView.Decision(a.getDecisionKey(), a.getDecisionDefinitionId(),
              a.getDecisionVersion(), a.getDecisionInstanceId()),
          a.isOverridden() ? new AssessmentView.Decision(a.getDecisionKey(), null,
              a.getOverrideDecisionVersion(), a.getOverrideDecisionInstanceId()) : null);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
