package org.guardian.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.guardian.GuardianApplication;
import org.guardian.people.CamundaIdentityAuthenticationProvider;
import org.guardian.people.SignedInEngineAuthentication;
import org.guardian.reporting.ReportsInProcess;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Guardian in the harness's JVM, beside the bare engine in process, on a copy of the seeded
 * database of its own: the side that walks cases through Guardian's service layer, as the bare
 * engine in process is walked through the Java API. Together they are the in-process pair of the
 * comparison (the HTTP pair: a Guardian node and the bare engine behind its REST API).
 */
final class GuardianInProcess implements AutoCloseable {

  final ConfigurableApplicationContext context;

  private GuardianInProcess(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /** Starts Guardian with the node's settings on {@code databaseArguments}; no web port used. */
  static GuardianInProcess start(List<String> databaseArguments) {
    List<String> args = new ArrayList<>(databaseArguments);
    args.addAll(GuardianNode.guardianArguments(true));
    // the harness prints its progress; Spring Boot would set the harness's loggers to INFO
    args.add("--logging.level.org.guardian=WARN");
    args.add("--server.port=0");
    args.add("--spring.jmx.enabled=false");
    ConfigurableApplicationContext context = new SpringApplicationBuilder(GuardianApplication.class)
        .bannerMode(Banner.Mode.OFF).run(args.toArray(String[]::new));
    return new GuardianInProcess(context);
  }

  ProcessEngine engine() {
    return context.getBean(ProcessEngine.class);
  }

  @Override
  public void close() {
    context.close();
  }

  /**
   * Walks one case the way {@link GuardianWalker} does over HTTP, through the services the API
   * calls: the report through the intake of {@code POST /api/reports} as the hospital, the case's
   * number read as the county centre, and each task found and completed through the engine's task
   * service as the person of the task's group, signed in as the REST API signs them in (Guardian's
   * sign-in provider, then the engine authentication of {@code /engine-rest}), so that the
   * authorization checks, the completion's server-side validation, the audit and every delegate
   * run as they do behind the API; the plan review's timer executed by the administrator.
   */
  static final class Walker implements Bench.Walker {

    private final ProcessEngine engine;
    private final IdentityService identity;
    private final CamundaIdentityAuthenticationProvider signIn;
    private final SignedInEngineAuthentication engineAuthentication =
        new SignedInEngineAuthentication();
    private final ReportsInProcess reports;
    private final Latencies intake;
    private final Latencies completion;

    Walker(ApplicationContext context, Latencies intake, Latencies completion) {
      this.engine = context.getBean(ProcessEngine.class);
      this.identity = engine.getIdentityService();
      this.signIn = context.getBean(CamundaIdentityAuthenticationProvider.class);
      this.reports = new ReportsInProcess(context);
      this.intake = intake;
      this.completion = completion;
    }

    @Override
    public void walk(CountySeed.Child child) {
      long t0 = System.nanoTime();
      String reportNumber = as("hospital", false, () -> reports.report(ChainSteps.report(child)));
      intake.add(t0);
      Breakdown.add("intake", t0, 1);
      long tc = System.nanoTime();
      String caseNumber = caseNumber(reportNumber);
      Breakdown.add("case number", tc, 1);
      for (ChainSteps.Step step : ChainSteps.steps()) {
        String user = ChainSteps.user(step.role(), child.villageCode());
        Task task = as(user, true, () -> awaitTask(user, caseNumber, step.taskKey()));
        Map<String, Object> vars = new LinkedHashMap<>(step.variables());
        if (step.taskKey().equals("Task_TriageReport")) {
          long tp = System.nanoTime();
          vars.put("triagePriority", as(user, true,
              () -> engine.getTaskService().getVariable(task.getId(), "computedPriority")));
          Breakdown.add("variable read", tp, 1);
        }
        long t = System.nanoTime();
        as(user, true, () -> {
          engine.getTaskService().complete(task.getId(), vars);
          return null;
        });
        completion.add(t);
        Breakdown.add("task completion", t, 1);
        if (step.taskKey().equals(ChainSteps.FIRE_PLAN_REVIEW_AFTER)) {
          long tf = System.nanoTime();
          as("demo", true, () -> {
            firePlanReview(task.getProcessInstanceId());
            return null;
          });
          Breakdown.add("timer execution", tf, 2);
        }
      }
    }

    /**
     * Runs {@code work} signed in as {@code user} (password demo) through Guardian's sign-in
     * provider, as HTTP Basic does for each request; {@code engine}: also as the engine's
     * authenticated user with the person's groups and tenants, as {@code /engine-rest} does.
     */
    private <T> T as(String user, boolean engineCall, Supplier<T> work) {
      Authentication auth = signIn.authenticate(
          UsernamePasswordAuthenticationToken.unauthenticated(user, "demo"));
      SecurityContext security = SecurityContextHolder.createEmptyContext();
      security.setAuthentication(auth);
      SecurityContextHolder.setContext(security);
      try {
        if (engineCall) {
          AuthenticationResult r = engineAuthentication.extractAuthenticatedUser(null, engine);
          identity.setAuthentication(r.getAuthenticatedUser(), r.getGroups(), r.getTenants());
        }
        return work.get();
      } finally {
        if (engineCall) {
          identity.clearAuthentication();
        }
        SecurityContextHolder.clearContext();
      }
    }

    private String caseNumber(String reportNumber) {
      return TaskPolls.awaitText(() -> as("centre", false, () -> reports.caseNumber(reportNumber)),
          5, () -> "the case of report " + reportNumber);
    }

    private Task awaitTask(String user, String caseNumber, String key) {
      // every 5 ms, as the bare engine in process
      return TaskPolls.awaitOne(() -> engine.getTaskService().createTaskQuery()
          .processInstanceBusinessKey(caseNumber).taskDefinitionKey(key).list(), 5,
          () -> key + " for " + user + " in case " + caseNumber + " (a failed job?)");
    }

    private void firePlanReview(String assistanceInstance) {
      List<Job> jobs = TaskPolls.until(() -> engine.getManagementService().createJobQuery()
          .processInstanceId(assistanceInstance).activityId(ChainSteps.PLAN_REVIEW_TIMER)
          .list(), found -> found.size() == 1, 5,
          () -> "plan review timer in " + assistanceInstance);
      engine.getManagementService().executeJob(jobs.get(0).getId());
    }
  }
}
