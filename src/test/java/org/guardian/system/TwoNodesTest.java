package org.guardian.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guardian.system.CrashSafetyTest.await;
import static org.guardian.system.CrashSafetyTest.once;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two Guardian nodes on one PostgreSQL database (the build's PostgreSQL run), both with the job
 * executor on, started at the same moment on an empty database (Flyway, the engine's schema, the
 * deployment, demo data and the monitoring sweep must not run twice). Both serve a load of
 * reports, home visits and triages; timer jobs of every kind (visit overdue, its second escalation,
 * triage escalation, return visit) fall due together and both nodes' job executors compete for
 * them, while node B is killed (SIGKILL) under the load and restarted. Each timer fires exactly
 * once, no acknowledged step is lost, no task is lost or duplicated, the audit chain stays intact.
 */
@ExtendWith(NodeOutputOnFailure.class)
class TwoNodesTest {

  private static final Logger log = LoggerFactory.getLogger(TwoNodesTest.class);
  private static final int TIMERS_PER_KIND = 4;

  private static NodeDatabase database;
  private static GuardianProcess a;
  private static GuardianProcess b;

  @BeforeAll
  static void startTwoNodesAtOnce() {
    Assumptions.assumeTrue("postgres".equals(System.getProperty("guardian.test.database")),
        "two nodes share a PostgreSQL database (the build's PostgreSQL run)");
    database = NodeDatabase.postgres("cluster");
    a = GuardianProcess.of("node-a", database.properties(), "postgres");
    b = GuardianProcess.of("node-b", database.properties(), "postgres");
    NodeOutputOnFailure.watch(a);
    NodeOutputOnFailure.watch(b);
    a.start();
    b.start();
    CompletableFuture<?> upA = CompletableFuture.runAsync(
        () -> a.awaitUp(CrashSafetyTest.START_TIMEOUT));
    CompletableFuture<?> upB = CompletableFuture.runAsync(
        () -> b.awaitUp(CrashSafetyTest.START_TIMEOUT));
    CompletableFuture.allOf(upA, upB).join();
  }

  @AfterAll
  static void stopNodes() throws Exception {
    GuardianProcess.closeAll(a, b, database);
  }

  @Test
  void startingTogetherDeploysMigratesAndSeedsOnce() {
    Consistency db = new Consistency(database);
    assertThat(db.strings("select key_ || ' v' || version_ from act_re_procdef"
        + " where key_ in ('monitoring', 'guardianship-case')"))
        .containsExactlyInAnyOrder("monitoring v1", "guardianship-case v1");
    assertThat(db.count("select count(*) from act_re_deployment")).isEqualTo(1);
    assertThat(db.count("select count(*) from flyway_schema_history where not success"))
        .isZero();
    assertThat(db.strings("select version from flyway_schema_history where version is not null"
        + " group by version having count(*) > 1")).isEmpty();
    assertThat(db.strings("select business_key_ from act_hi_procinst where proc_def_key_ ="
        + " 'monitoring' group by business_key_ having count(*) > 1"))
        .as("children with two monitoring instances").isEmpty();
    assertThat(db.count("select count(*) from act_hi_procinst where proc_def_key_ ="
        + " 'monitoring'")).as("one monitoring instance per child")
        .isEqualTo(db.count("select count(*) from child")).isGreaterThanOrEqualTo(200);
    assertThat(a.output()).contains("start-up lock taken");
    assertThat(b.output()).contains("start-up lock taken");
  }

  @Test
  void bothNodesServeTheLoadOneIsKilledAndEveryTimerFiresOnce() {
    Workload load = new Workload(List.of(a, b));
    Consistency db = new Consistency(database);
    List<Long> children = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      children.add(load.registerChild());
    }
    load.visitChildren(children);

    List<String[]> timers = new ArrayList<>(); // instance, timer, follow-up activity
    for (int i = 0; i < TIMERS_PER_KIND; i++) {
      String monitoring = load.processInstance("monitoring",
          String.valueOf(load.registerChild()));
      timers.add(new String[] {monitoring, "Timer_VisitOverdue", "Task_OverdueVisit"});
      timers.add(new String[] {monitoring, "Timer_VisitOverdueSecond",
          "Task_EscalateOverdueVisit"});
      String caseProcess = load.caseProcessOf(load.fileReport());
      load.leaveAlone(caseProcess);
      timers.add(new String[] {caseProcess, "Timer_TriageOverdue",
          "Task_EscalateTriageToCentre"});
      timers.add(new String[] {load.caseAwaitingReturnVisit("RV-" + i + "-" + Instant.now()
          .toEpochMilli()), "Timer_ReturnVisitDue", "Task_ReturnVisit"});
    }

    load.start(2, 2);
    load.awaitAcknowledged(3, Duration.ofSeconds(90));
    Instant due = Instant.now().plusSeconds(3);
    for (String[] t : timers) {
      load.setDue(load.timerJob(t[0], t[1]), due);
    }
    // node B dies under the load (SIGKILL); A carries on alone, then B rejoins
    GuardianProcess.sleep(1_000);
    b.kill();
    int servedByAAtKill = load.served(0);
    GuardianProcess.sleep(3_000);
    b.start().awaitUp(CrashSafetyTest.START_TIMEOUT);
    int servedByAWhileBWasDown = load.served(0) - servedByAAtKill;
    load.awaitAcknowledged(2, Duration.ofSeconds(90));
    load.stop();
    await("every timer fired", () -> timers.stream().allMatch(t -> db.ran(t[0], t[1]) > 0));
    await("every stored report is routed to a case", () -> db.unroutedReports() == 0);
    GuardianProcess.sleep(2_000); // a duplicate firing would show by now

    List<String> problems = new ArrayList<>();
    List<String> timerChecks = new ArrayList<>();
    for (String[] t : timers) {
      timerChecks.add(once(t[0] + " " + t[1], db.ran(t[0], t[1]), db.ran(t[0], t[2])));
    }
    timerChecks.stream().filter(t -> !t.endsWith(" ok"))
        .forEach(t -> problems.add("timer not fired exactly once: " + t));
    problems.addAll(db.reports(load.reports));
    problems.addAll(db.cases());
    problems.addAll(db.triages(load.triaged));
    problems.addAll(db.visits(load.visits));
    problems.addAll(db.incidents());
    JsonNode chain = load.as("supervisor").get("/api/audit/verify").json();
    if (!chain.path("intact").asBoolean()) {
      problems.add("audit chain broken: " + chain);
    }
    String executedBy = String.join(", ", db.strings("select count(*) || ' on ' || coalesce("
        + "lock_owner_, '-') from act_ru_job group by lock_owner_"));
    log.info("two nodes, B killed and restarted: {}; {} timers of 4 kinds fired once each;"
        + " audit chain {}; jobs now {}", load.figures(), timers.size(), chain, executedBy);
    assertThat(problems).as(load.figures()).isEmpty();
    assertThat(load.servedBy).as("both nodes served").containsKeys(0, 1);
    assertThat(load.refusedByStatus.keySet()).as("no server error").allMatch(s -> s < 500);
    assertThat(servedByAWhileBWasDown).as("node A served while B was down").isPositive();
    assertThat(load.cutOff.get()).as("requests cut off by the kill of node B").isPositive();
  }
}
