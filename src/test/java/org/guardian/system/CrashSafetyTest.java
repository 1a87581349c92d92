package org.guardian.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash safety: Guardian runs as a process of its own (demo profile, job executor on) on an H2 file
 * or, in the build's PostgreSQL run, on an embedded PostgreSQL; under a running load of reports,
 * home visits and triages it is killed with SIGKILL and restarted on the same database, twice.
 * Afterwards every step a client got a 2xx for is there, nothing is half-written (a report without
 * its case, a case without its process, a completed task without its follow-up), and the timers
 * that fell due while the node was down fired once, after the restart.
 */
@ExtendWith(NodeOutputOnFailure.class)
class CrashSafetyTest {

  private static final Logger log = LoggerFactory.getLogger(CrashSafetyTest.class);
  /**
   * Kills per run: two on H2 (where acknowledged commits were lost before WRITE_DELAY=0), one on
   * PostgreSQL, where {@link TwoNodesTest} kills a node of the cluster as well (kept short for CI).
   */
  private static int kills;
  static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private static NodeDatabase database;
  private static GuardianProcess node;

  @BeforeAll
  static void startNode() {
    database = NodeDatabase.forThisRun("crash");
    kills = database.isPostgres() ? 1 : 2;
    // the load registers its own children; the 200 demo children need no monitoring here
    node = GuardianProcess.of("crash-node", database.properties(), database.profiles())
        .with("guardian.monitoring.enrol-existing", "false");
    NodeOutputOnFailure.watch(node);
    node.start().awaitUp(START_TIMEOUT);
  }

  @AfterAll
  static void stopNode() throws Exception {
    GuardianProcess.closeAll(node, database);
  }

  @Test
  void acknowledgedWorkSurvivesSigkillAndTimersDueDuringTheDowntimeFireAfterRestart() {
    Workload load = new Workload(List.of(node));
    Consistency db = new Consistency(database);
    List<Long> children = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      children.add(load.registerChild());
    }
    load.visitChildren(children);
    List<String> timerChecks = new ArrayList<>();
    List<Runnable> afterRestart = new ArrayList<>();

    for (int round = 1; round <= kills; round++) {
      // a child and a case whose timers fall due while the node is down
      long timerChild = load.registerChild();
      String monitoring = load.processInstance("monitoring", String.valueOf(timerChild));
      String caseProcess = load.caseProcessOf(load.fileReport());
      load.leaveAlone(caseProcess);

      load.start(2, 1);
      load.awaitAcknowledged(3, Duration.ofSeconds(90));
      Instant due = Instant.now().plusSeconds(4);
      load.setDue(load.timerJob(monitoring, "Timer_VisitOverdue"), due);
      load.setDue(load.timerJob(caseProcess, "Timer_TriageOverdue"), due);
      GuardianProcess.sleep(500);
      node.kill();
      Instant killedAt = Instant.now();
      GuardianProcess.sleep(1_000);
      load.stop();

      node.start().awaitUp(START_TIMEOUT);
      Instant upAt = Instant.now();
      log.info("round {}: killed at {}, timers due {}, up again at {} ({})", round, killedAt, due,
          upAt, load.figures());
      assertThat(upAt).as("the node was down when the timers fell due").isAfter(due);

      await("visit overdue timer fired after restart (round " + round + ")",
          () -> db.openTasks(monitoring, "Task_OverdueVisit") > 0);
      await("triage overdue timer fired after restart (round " + round + ")",
          () -> db.ran(caseProcess, "Task_EscalateTriageToCentre") > 0);
      afterRestart.add(() -> {
        timerChecks.add(once(monitoring + " Timer_VisitOverdue",
            db.ran(monitoring, "Timer_VisitOverdue"),
            db.openTasks(monitoring, "Task_OverdueVisit")));
        timerChecks.add(once(caseProcess + " Timer_TriageOverdue",
            db.ran(caseProcess, "Timer_TriageOverdue"),
            db.ran(caseProcess, "Task_EscalateTriageToCentre")));
      });
    }

    // the node works normally after the last restart
    load.start(1, 1);
    GuardianProcess.sleep(3_000);
    load.stop();
    // reports cut off between storing and routing are routed again
    await("every stored report is routed to a case", () -> db.unroutedReports() == 0);

    afterRestart.forEach(Runnable::run);
    List<String> problems = new ArrayList<>();
    problems.addAll(db.reports(load.reports));
    problems.addAll(db.cases());
    problems.addAll(db.triages(load.triaged));
    problems.addAll(db.visits(load.visits));
    problems.addAll(db.incidents());
    timerChecks.stream().filter(t -> !t.endsWith(" ok"))
        .forEach(t -> problems.add("timer not fired exactly once: " + t));
    JsonNode chain = load.as("supervisor").get("/api/audit/verify").json();
    if (!chain.path("intact").asBoolean()) {
      problems.add("audit chain broken: " + chain);
    }
    log.info("crash safety ({}): {} SIGKILLs under load; {}; timers {}; audit chain {}",
        database.isPostgres() ? "PostgreSQL" : "H2 file", kills, load.figures(), timerChecks,
        chain);
    assertThat(problems).as(load.figures()).isEmpty();
    assertThat(load.reports).as("reports acknowledged").hasSizeGreaterThanOrEqualTo(3 * kills);
    assertThat(load.visitsAcknowledged()).as("visits acknowledged")
        .isGreaterThanOrEqualTo(3 * kills);
    assertThat(load.triaged).as("triages acknowledged").hasSizeGreaterThanOrEqualTo(3 * kills);
    assertThat(load.cutOff.get()).as("requests cut off by the kills").isPositive();
    assertThat(load.refusedByStatus.keySet()).as("no server error").allMatch(s -> s < 500);
  }

  /** A timer's check line: fired once with one follow-up ends in " ok". */
  static String once(String timer, long fired, long followUps) {
    return timer + " fired " + fired + "x, follow-up " + followUps + "x"
        + (fired == 1 && followUps == 1 ? " ok" : "");
  }

  static void await(String what, BooleanSupplier condition) {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return;
      }
      GuardianProcess.sleep(500);
    }
    throw new AssertionError("not within 60 s: " + what);
  }
}
