package org.guardian.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * The limit: Guardian's own BPMN, DMN and forms on a bare Camunda engine (no Spring, no Guardian
 * plugin, no REST, no authorization checks) with every delegate and listener replaced by a no-op,
 * same history level (full) and job executor, in this JVM on a database of its own on the same
 * server as Guardian's (a copy of Guardian's once it is seeded: the same county). Cases are walked
 * through the Java API.
 */
public final class BareEngine implements AutoCloseable {

  public static final String NOOP = "${benchNoop}";
  final ProcessEngine engine;

  BareEngine(DataSource dataSource, String databaseType) throws IOException {
    StandaloneProcessEngineConfiguration cfg = (StandaloneProcessEngineConfiguration)
        ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
    cfg.setProcessEngineName("bench-bare");
    cfg.setDataSource(dataSource);
    cfg.setDatabaseType(databaseType);
    cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    cfg.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    cfg.setJobExecutorActivate(true);
    cfg.setDefaultSerializationFormat("application/json");
    cfg.setJavaSerializationFormatEnabled(false);
    cfg.setEnforceHistoryTimeToLive(true);
    engineAtScale(cfg);
    cfg.setBeans(Map.of("benchNoop", new Noop()));
    ((ProcessEngineConfigurationImpl) cfg).getProcessEnginePlugins()
        .add(new SpinProcessEnginePlugin());
    engine = cfg.buildProcessEngine();
    deploy();
  }

  /**
   * The engine settings of Guardian's {@code system.EngineAtScale} that are not Guardian's own
   * work (the limit runs on a copy of Guardian's county, with its indexes): every job due when it
   * is created, so that the job acquisition does not ask for {@code DUEDATE_ is null} (which H2
   * answers by reading every job), and the JDK's date type factory named, so that each timer does
   * not search the class path for one.
   */
  public static void engineAtScale(ProcessEngineConfigurationImpl cfg) {
    cfg.setEnsureJobDueDateNotNull(true);
    System.setProperty("javax.xml.datatype.DatatypeFactory",
        "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl");
  }

  private void deploy() throws IOException {
    deploy(engine.getRepositoryService());
  }

  /**
   * Deploys Guardian's BPMN (every delegate expression replaced by {@link #NOOP}), DMN and forms
   * from the project's bpmn/ and forms/ folders.
   */
  public static void deploy(org.camunda.bpm.engine.RepositoryService repository)
      throws IOException {
    DeploymentBuilder d = repository.createDeployment().name("bench-bare")
        .enableDuplicateFiltering(false);
    for (Path p : files("bpmn", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(p.toFile());
      model.getModelElementsByType(ServiceTask.class).forEach(t -> {
        if (t.getCamundaDelegateExpression() != null) {
          t.setCamundaDelegateExpression(NOOP);
        }
      });
      model.getModelElementsByType(SendTask.class).forEach(t -> {
        if (t.getCamundaDelegateExpression() != null) {
          t.setCamundaDelegateExpression(NOOP);
        }
      });
      model.getModelElementsByType(MessageEventDefinition.class).forEach(t -> {
        if (t.getCamundaDelegateExpression() != null) {
          t.setCamundaDelegateExpression(NOOP);
        }
      });
      model.getModelElementsByType(CamundaExecutionListener.class).forEach(l -> {
        if (l.getCamundaDelegateExpression() != null) {
          l.setCamundaDelegateExpression(NOOP);
        }
      });
      model.getModelElementsByType(CamundaTaskListener.class).forEach(l -> {
        if (l.getCamundaDelegateExpression() != null) {
          l.setCamundaDelegateExpression(NOOP);
        }
      });
      d.addModelInstance("bpmn/" + p.getFileName(), model);
    }
    for (Path p : files("bpmn", ".dmn")) {
      d.addString("bpmn/" + p.getFileName(), Files.readString(p));
    }
    for (Path p : files("forms", ".form")) {
      d.addString("forms/" + p.getFileName(), Files.readString(p));
    }
    d.deploy();
  }

  private static List<Path> files(String dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.list(Path.of(dir))) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  /**
   * What Guardian's intake gives the guardianship-case process when it starts it (its delegates,
   * no-ops here, would write the rest).
   */
  static Map<String, Object> startVariables(CountySeed.Child child, String caseNumber) {
    return Variables.createVariables()
        .putValue("caseId", child.id()).putValue("caseNumber", caseNumber)
        .putValue("reportId", child.id()).putValue("reportNumber", caseNumber)
        .putValue("channel", "HOSPITAL").putValue("childId", child.id())
        .putValue("villageCode", child.villageCode())
        .putValue("townshipCode", child.villageCode().substring(0, 9))
        .putValue("countyCode", "371330").putValue("reportSummary", "医院报告")
        .putValue("childUnder3", false).putValue("priorReports", 0)
        .putValue("childLabel", "王**（8岁，东庄村）")
        .putValue("injury", false).putValue("sexualHarm", false)
        .putValue("abandonment", false).putValue("noAdultCare", false)
        .putValue("violence", false).putValue("neglect", true)
        // written by Guardian's delegates (no-ops here) and read by the model afterwards
        .putValue("returnVisitsDone", 0);
  }

  /** Walks one case the way GuardianWalker does, through the Java API. */
  Bench.Walker walker(Latencies intake, Latencies completion) {
    return child -> {
      String caseNumber = "BARE-" + child.id() + "-" + System.nanoTime();
      VariableMap vars = Variables.fromMap(startVariables(child, caseNumber));
      long t0 = System.nanoTime();
      engine.getRuntimeService().createMessageCorrelation("Msg_ReportReceived")
          .processInstanceBusinessKey(caseNumber).setVariables(vars).correlateStartMessage();
      intake.add(t0);
      Breakdown.add("intake", t0, 1);
      for (ChainSteps.Step step : ChainSteps.steps()) {
        Task task = awaitTask(caseNumber, step.taskKey());
        Map<String, Object> v = new java.util.LinkedHashMap<>(step.variables());
        if (step.taskKey().equals("Task_TriageReport")) {
          v.put("triagePriority", engine.getTaskService().getVariable(task.getId(),
              "computedPriority"));
        }
        long t = System.nanoTime();
        engine.getTaskService().complete(task.getId(), v);
        completion.add(t);
        Breakdown.add("task completion", t, 1);
        if (step.taskKey().equals(ChainSteps.FIRE_PLAN_REVIEW_AFTER)) {
          long tf = System.nanoTime();
          Job job = engine.getManagementService().createJobQuery()
              .processInstanceId(task.getProcessInstanceId())
              .activityId(ChainSteps.PLAN_REVIEW_TIMER).singleResult();
          if (job == null) {
            throw new IllegalStateException("bare engine: no plan review timer in " + caseNumber);
          }
          engine.getManagementService().executeJob(job.getId());
          Breakdown.add("timer execution", tf, 2);
        }
      }
    };
  }

  private Task awaitTask(String caseNumber, String key) {
    return TaskPolls.awaitOne(() -> engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(caseNumber).taskDefinitionKey(key).list(), 5, () -> {
          List<String> open = new ArrayList<>();
          engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber).list()
              .forEach(t -> open.add(t.getTaskDefinitionKey()));
          return "bare engine: " + key + " in " + caseNumber + " (open: " + open + ")";
        });
  }

  @Override
  public void close() {
    engine.close();
  }

  /** Does nothing, for every delegate, execution listener and task listener. */
  public static final class Noop implements JavaDelegate, ExecutionListener, TaskListener {
    @Override
    public void execute(DelegateExecution execution) {
      // no-op
    }

    @Override
    public void notify(DelegateExecution execution) {
      // no-op
    }

    @Override
    public void notify(DelegateTask task) {
      // no-op
    }
  }

}
