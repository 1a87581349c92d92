package org.guardian.policy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.guardian.audit.AuditAction;
import org.guardian.audit.AuditLog;
import org.guardian.common.FieldProblem;
import org.guardian.common.InvalidInputException;
import org.guardian.common.NotFoundException;
import org.guardian.people.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Running cases follow a revised process: Camunda 7's migration API does the work; Guardian adds
 * the plan, the dry run, the report and the permission check (policy team and administrators).
 *
 * <ul>
 *   <li><b>Plan</b>: generated from equal element ids between the two versions ({@code
 *       mapEqualActivities}). Event triggers are updated ({@code updateEventTrigger}) where the
 *       target's trigger may differ (messages, signals), but <em>not</em> for a timer whose
 *       definition is unchanged: the engine re-schedules an updated timer from the moment of
 *       migration, so a visit due in two days would become due again in a full period. A timer
 *       whose definition changed is updated, and so re-scheduled by the new definition.
 *   <li><b>Dry run</b>: for every running instance of the source version, the migration is really
 *       executed, in a transaction that is always rolled back; the engine's own validation report
 *       ({@link MigratingProcessInstanceValidationException}) says why an instance cannot migrate,
 *       for example because its current step does not exist in the target version. Exact, not
 *       estimated.
 *   <li><b>Execution</b>: the instances the dry run found migratable go into one Camunda batch
 *       ({@code executeAsync}), visible in Cockpit (批量操作); the refused ones are reported in the
 *       answer and stored with the migration's report ({@code GET /api/policy/migrations/{id}}),
 *       never dropped silently.
 * </ul>
 */
@Service
public class ProcessMigrations {

  private static final Logger log = LoggerFactory.getLogger(ProcessMigrations.class);

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final ManagementService management;
  private final HistoryService history;
  private final TransactionTemplate newTransaction;
  private final AuditLog audit;
  private final PolicyMigrationRepository reports;
  private final Clock clock;

  ProcessMigrations(RuntimeService runtime, RepositoryService repository,
      ManagementService management, HistoryService history,
      PlatformTransactionManager transactions, AuditLog audit, PolicyMigrationRepository reports,
      Clock clock) {
    this.runtime = runtime;
    this.repository = repository;
    this.management = management;
    this.history = history;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.audit = audit;
    this.reports = reports;
    this.clock = clock;
  }

  /** Which versions of which process: the target defaults to the latest version. */
  public record Request(String processKey, Integer sourceVersion, Integer targetVersion) {}

  public record Version(String definitionId, int version) {}

  public record Step(String id, String name) {}

  public record Instruction(Step source, Step target, boolean updateEventTrigger) {}

  /** The plan: mapped steps, steps of the source that have no counterpart, steps that are new. */
  public record Plan(String processKey, Version source, Version target,
      List<Instruction> instructions, List<Step> unmappedSourceSteps, List<Step> newTargetSteps) {}

  /** One running instance: where it is, and whether it can migrate (and if not, why). */
  public record InstanceCheck(String processInstanceId, String businessKey,
      List<Step> currentSteps, boolean migratable, List<String> reasons) {}

  public record DryRun(Plan plan, int migratable, int refused, List<InstanceCheck> instances) {}

  public record BatchStatus(String id, int totalJobs, int remainingJobs, int failedJobs,
      boolean completed) {}

  /** A migration: the batch of the migratable instances and the refused ones with reasons. */
  public record Execution(long migrationId, Instant at, String actor, String processKey,
      Version source, Version target, List<String> migrated, List<InstanceCheck> refused,
      BatchStatus batch) {}

  private record Definitions(ProcessDefinition source, ProcessDefinition target) {}

  /** The plan from equal element ids. */
  public Plan plan(Request request) {
    PolicyDeployments.requirePolicyRole("迁移流程实例");
    Definitions d = definitions(request);
    return view(d, build(d));
  }

  /** What would happen to every running instance of the source version (audited). */
  public DryRun dryRun(Request request) {
    PolicyDeployments.requirePolicyRole("迁移流程实例");
    Definitions d = definitions(request);
    MigrationPlan plan = build(d);
    DryRun result = check(d, plan);
    newTransaction.executeWithoutResult(status -> audit.record(AuditAction.POLICY_MIGRATION_CHECKED,
        null, null, PolicyMigration.cut("process=" + d.source().getKey() + "; from="
            + d.source().getVersion() + "; to=" + d.target().getVersion() + "; migratable="
            + result.migratable() + "; refused=" + result.refused(), 1000)));
    return result;
  }

  /**
   * Migrates every migratable running instance of the source version in one Camunda batch and
   * reports the others (stored, audited).
   */
  public Execution execute(Request request) {
    CurrentUser user = PolicyDeployments.requirePolicyRole("迁移流程实例");
    Definitions d = definitions(request);
    MigrationPlan plan = build(d);
    DryRun checked = check(d, plan);
    List<String> migratable = checked.instances().stream().filter(InstanceCheck::migratable)
        .map(InstanceCheck::processInstanceId).toList();
    List<InstanceCheck> refused = checked.instances().stream().filter(i -> !i.migratable())
        .toList();
    return newTransaction.execute(status -> {
      Batch batch = migratable.isEmpty() ? null
          : runtime.newMigration(plan).processInstanceIds(migratable).executeAsync();
      PolicyMigration report = reports.save(new PolicyMigration(clock.instant(), user.id(),
          d.source().getKey(), d.source().getId(), d.source().getVersion(), d.target().getId(),
          d.target().getVersion(), batch == null ? null : batch.getId(), migratable,
          refused.stream().map(r -> new PolicyMigration.Refusal(r.processInstanceId(),
              r.businessKey(), r.currentSteps().stream().map(Step::id)
                  .collect(Collectors.joining(",")), String.join("\n", r.reasons()))).toList()));
      audit.record(AuditAction.POLICY_MIGRATED, null, null, PolicyMigration.cut("migration="
          + report.id() + "; process=" + d.source().getKey() + "; from=" + d.source().getVersion()
          + "; to=" + d.target().getVersion() + "; batch=" + (batch == null ? "none"
              : batch.getId()) + "; migrated=" + migratable.size() + "; refused=" + refused.size()
          + "; refusedInstances=" + refused.stream().map(InstanceCheck::processInstanceId)
              .collect(Collectors.joining(",")), 1000));
      return execution(report);
    });
  }

  /** A migration's stored report, with the state of its batch. */
  public Execution get(long id) {
    PolicyDeployments.requirePolicyRole("查看流程实例迁移");
    PolicyMigration report = newTransaction.execute(status -> reports.findById(id)
        .orElseThrow(() -> new NotFoundException("迁移记录不存在")));
    return execution(report);
  }

  private Execution execution(PolicyMigration report) {
    List<InstanceCheck> refused = report.refused().stream().map(r -> new InstanceCheck(
        r.processInstanceId(), r.businessKey(), r.activityIds() == null || r.activityIds().isBlank()
            ? List.of() : java.util.Arrays.stream(r.activityIds().split(","))
                .map(a -> new Step(a, null)).toList(), false,
        List.of(r.reasons().split("\n")))).toList();
    return new Execution(report.id(), report.createdAt(), report.actor(), report.processKey(),
        new Version(report.sourceDefinitionId(), report.sourceVersion()),
        new Version(report.targetDefinitionId(), report.targetVersion()),
        List.copyOf(report.migrated()), refused, batchStatus(report.batchId()));
  }

  private BatchStatus batchStatus(String batchId) {
    if (batchId == null) {
      return null;
    }
    BatchStatistics running = management.createBatchStatisticsQuery().batchId(batchId)
        .singleResult();
    if (running != null) {
      return new BatchStatus(batchId, running.getTotalJobs(), running.getRemainingJobs(),
          running.getFailedJobs(), false);
    }
    HistoricBatch done = history.createHistoricBatchQuery().batchId(batchId).singleResult();
    return new BatchStatus(batchId, done == null ? 0 : done.getTotalJobs(), 0, 0,
        done != null && done.getEndTime() != null);
  }

  // --------------------------------------------------------------------------------------------

  private Definitions definitions(Request request) {
    List<FieldProblem> problems = new ArrayList<>();
    if (request == null || request.processKey() == null || request.processKey().isBlank()) {
      problems.add(new FieldProblem("processKey", "必填"));
    }
    if (request == null || request.sourceVersion() == null) {
      problems.add(new FieldProblem("sourceVersion", "必填"));
    } else if (request.sourceVersion() < 1) {
      problems.add(new FieldProblem("sourceVersion", "应为正整数"));
    }
    if (request != null && request.targetVersion() != null && request.targetVersion() < 1) {
      problems.add(new FieldProblem("targetVersion", "应为正整数"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    ProcessDefinition source = repository.createProcessDefinitionQuery()
        .processDefinitionKey(request.processKey())
        .processDefinitionVersion(request.sourceVersion())
        .withoutTenantId().singleResult();
    ProcessDefinition target = request.targetVersion() == null
        ? repository.createProcessDefinitionQuery().processDefinitionKey(request.processKey())
            .withoutTenantId().latestVersion().singleResult()
        : repository.createProcessDefinitionQuery().processDefinitionKey(request.processKey())
            .processDefinitionVersion(request.targetVersion()).withoutTenantId().singleResult();
    if (source == null || target == null) {
      throw new NotFoundException("流程或版本不存在");
    }
    if (source.getId().equals(target.getId())) {
      throw new InvalidInputException(List.of(new FieldProblem("targetVersion",
          "目标版本与源版本相同")));
    }
    return new Definitions(source, target);
  }

  /**
   * Equal ids, event triggers updated except for timers whose definition did not change (see the
   * class comment).
   */
  private MigrationPlan build(Definitions d) {
    BpmnModelInstance sourceModel = repository.getBpmnModelInstance(d.source().getId());
    BpmnModelInstance targetModel = repository.getBpmnModelInstance(d.target().getId());
    try {
      MigrationPlan generated = runtime.createMigrationPlan(d.source().getId(), d.target().getId())
          .mapEqualActivities().updateEventTriggers().build();
      MigrationPlanBuilder builder = runtime.createMigrationPlan(d.source().getId(),
          d.target().getId());
      for (MigrationInstruction i : generated.getInstructions()) {
        var instruction = builder.mapActivities(i.getSourceActivityId(), i.getTargetActivityId());
        if (i.isUpdateEventTrigger() && !sameTimer(sourceModel, targetModel,
            i.getSourceActivityId(), i.getTargetActivityId())) {
          instruction.updateEventTrigger();
        }
        builder = instruction;
      }
      return builder.build();
    } catch (MigrationPlanValidationException e) {
      List<FieldProblem> problems = new ArrayList<>();
      e.getValidationReport().getInstructionReports().forEach(r -> problems.add(new FieldProblem(
          r.getMigrationInstruction().getSourceActivityId(), String.join("；", r.getFailures()))));
      throw new MigrationPlanRefused(problems);
    }
  }

  /** True when both are timer events with the same timer definition. */
  private static boolean sameTimer(BpmnModelInstance source, BpmnModelInstance target,
      String sourceId, String targetId) {
    TimerEventDefinition a = timer(source.getModelElementById(sourceId));
    TimerEventDefinition b = timer(target.getModelElementById(targetId));
    if (a == null || b == null) {
      return false;
    }
    return Objects.equals(text(a.getTimeDate()), text(b.getTimeDate()))
        && Objects.equals(text(a.getTimeDuration()), text(b.getTimeDuration()))
        && Objects.equals(text(a.getTimeCycle()), text(b.getTimeCycle()));
  }

  private static TimerEventDefinition timer(ModelElementInstance element) {
    if (element instanceof CatchEvent event) {
      return event.getEventDefinitions().stream().filter(TimerEventDefinition.class::isInstance)
          .map(TimerEventDefinition.class::cast).findFirst().orElse(null);
    }
    return null;
  }

  private static String text(ModelElementInstance e) {
    return e == null ? null : e.getTextContent().trim();
  }

  private Plan view(Definitions d, MigrationPlan plan) {
    BpmnModelInstance sourceModel = repository.getBpmnModelInstance(d.source().getId());
    BpmnModelInstance targetModel = repository.getBpmnModelInstance(d.target().getId());
    Map<String, String> sourceSteps = ModelValidator.flowNodeNames(sourceModel);
    Map<String, String> targetSteps = ModelValidator.flowNodeNames(targetModel);
    List<Instruction> instructions = new ArrayList<>();
    Set<String> mappedSources = new LinkedHashSet<>();
    Set<String> mappedTargets = new LinkedHashSet<>();
    for (MigrationInstruction i : plan.getInstructions()) {
      instructions.add(new Instruction(
          new Step(i.getSourceActivityId(), sourceSteps.get(i.getSourceActivityId())),
          new Step(i.getTargetActivityId(), targetSteps.get(i.getTargetActivityId())),
          i.isUpdateEventTrigger()));
      mappedSources.add(i.getSourceActivityId());
      mappedTargets.add(i.getTargetActivityId());
    }
    return new Plan(d.source().getKey(),
        new Version(d.source().getId(), d.source().getVersion()),
        new Version(d.target().getId(), d.target().getVersion()), instructions,
        waitSteps(sourceModel, mappedSources), waitSteps(targetModel, mappedTargets));
  }

  /**
   * Steps a case can wait at that are not in the given set: user and receive tasks, external
   * tasks, sub-processes, call activities, catching events, event-based gateways, and any activity
   * with an asynchronous continuation. (Service, business rule and script tasks run through in one
   * transaction: no case waits there, so they need no mapping.)
   */
  private static List<Step> waitSteps(BpmnModelInstance model, Set<String> except) {
    List<Step> out = new ArrayList<>();
    Collection<FlowNode> nodes = model.getModelElementsByType(FlowNode.class);
    for (FlowNode n : nodes) {
      boolean waits = n instanceof UserTask || n instanceof ReceiveTask
          || n instanceof SubProcess || n instanceof CallActivity || n instanceof BoundaryEvent
          || n instanceof EventBasedGateway || n instanceof IntermediateCatchEvent
          || (n instanceof ServiceTask service && "external".equals(service.getCamundaType()))
          || n.isCamundaAsyncBefore() || n.isCamundaAsyncAfter();
      if (waits && !except.contains(n.getId())) {
        out.add(new Step(n.getId(), n.getName()));
      }
    }
    return out;
  }

  private DryRun check(Definitions d, MigrationPlan plan) {
    Plan view = view(d, plan);
    Map<String, String> names = ModelValidator.flowNodeNames(
        repository.getBpmnModelInstance(d.source().getId()));
    List<InstanceCheck> out = new ArrayList<>();
    long started = System.nanoTime();
    List<ProcessInstance> instances = runtime.createProcessInstanceQuery()
        .processDefinitionId(d.source().getId()).orderByProcessInstanceId().asc().list();
    for (ProcessInstance pi : instances) {
      List<Step> steps = runtime.getActiveActivityIds(pi.getId()).stream().distinct()
          .map(id -> new Step(id, names.get(id))).toList();
      List<String> reasons = newTransaction.execute(status -> {
        try {
          runtime.newMigration(plan).processInstanceIds(pi.getId()).execute();
          return List.<String>of();
        } catch (MigratingProcessInstanceValidationException e) {
          return reasons(e.getValidationReport(), names);
        } catch (ProcessEngineException e) {
          return List.of("引擎无法迁移此实例：" + e.getMessage());
        } finally {
          status.setRollbackOnly();
        }
      });
      out.add(new InstanceCheck(pi.getId(), pi.getBusinessKey(), steps, reasons.isEmpty(),
          reasons));
    }
    int ok = (int) out.stream().filter(InstanceCheck::migratable).count();
    log.info("migration dry run {} v{} -> v{}: {} instances ({} migratable) in {} ms",
        d.source().getKey(), d.source().getVersion(), d.target().getVersion(), out.size(), ok,
        (System.nanoTime() - started) / 1_000_000);
    return new DryRun(view, ok, out.size() - ok, out);
  }

  private static List<String> reasons(MigratingProcessInstanceValidationReport report,
      Map<String, String> names) {
    List<String> out = new ArrayList<>();
    report.getFailures().forEach(f -> out.add("流程实例：" + f));
    for (MigratingActivityInstanceValidationReport a : report.getActivityInstanceReports()) {
      if (a.hasFailures()) {
        out.add(step(a.getSourceScopeId(), names, a.getMigrationInstruction(), a.getFailures()));
      }
    }
    for (MigratingTransitionInstanceValidationReport t : report.getTransitionInstanceReports()) {
      if (t.hasFailures()) {
        out.add(step(t.getSourceScopeId(), names, t.getMigrationInstruction(), t.getFailures()));
      }
    }
    return out;
  }

  private static String step(String id, Map<String, String> names,
      MigrationInstruction instruction, List<String> failures) {
    String step = "当前步骤「" + Objects.requireNonNullElse(names.get(id), id) + "」（" + id + "）";
    return (instruction == null ? step + "在目标版本中没有对应步骤" : step + "无法迁移")
        + "（引擎：" + String.join("；", failures) + "）";
  }
}
