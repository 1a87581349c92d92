package org.guardian.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.guardian.demo.BenchCounty;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The benchmark of issue 9 (run it with {@code bench/run [--quick]}; docs/benchmarks.md). For each
 * database (H2 file, embedded PostgreSQL) it seeds a county, drives whole cases through Guardian's
 * REST API with 1 and 4 clients, measures the task-list query, the dashboard, start-up and heap,
 * two nodes on one PostgreSQL, and the same BPMN on a bare engine behind its REST API and in
 * process (the limits). Progress goes to stderr; the last line of stdout is machine-readable.
 */
public final class Bench {

  /** Children whose monitoring the engine starts for real; the others get copies (clone). */
  static final int TEMPLATES = 100;
  static final Path WORK = Path.of("target", "bench").toAbsolutePath();
  private static final long T0 = System.nanoTime();
  private static volatile String phase = "start";
  /** CPU ms per case of the last {@link #run}: "machine" and each node by name. */
  private static volatile Map<String, Double> lastCpuPerCase = Map.of();

  /** Walks one whole case. */
  interface Walker {
    void walk(CountySeed.Child child);
  }

  /** Sizes of a run. */
  record Plan(boolean quick, int children, int cases1, int cases4, int queries, int pages,
      List<String> databases, int limitMinutes, boolean profile, int warmUpCases, int rounds,
      int jitSettlePercent) {
    /**
     * Warm-up cases before any measured run, with 4 clients, the same on every side (Guardian's
     * node, the second node, the bare engine): a node in service has run its code for days, and
     * the JIT compilers of a fresh JVM are still busy after a few cases. The full run then warms
     * each side on until its compilers have settled ({@link #jitSettlePercent}).
     */
    int warmUp() {
      return warmUpCases;
    }

    /** The options with a value ({@code gc} is bench/run's: it chooses the JVMs' collector). */
    private static final Set<String> OPTIONS = Set.of("db", "children", "cases", "warmup",
        "jit-settle", "rounds", "limit-min", "gc");

    static Plan of(String[] args) {
      boolean quick = Arrays.asList(args).contains("--quick");
      boolean profile = Arrays.asList(args).contains("--profile");
      Map<String, String> o = new LinkedHashMap<>();
      for (String a : args) {
        int eq = a.indexOf('=');
        String key = a.startsWith("--") && eq > 0 ? a.substring(2, eq) : null;
        if (key != null && OPTIONS.contains(key)) {
          o.put(key, a.substring(eq + 1));
        } else if (!a.equals("--quick") && !a.equals("--profile")) {
          throw new IllegalArgumentException("unknown argument " + a
              + " (bench/run [--quick] [--db=h2,postgres] [--children=N] [--cases=M]"
              + " [--warmup=cases] [--jit-settle=percent] [--rounds=N] [--limit-min=minutes]"
              + " [--gc=parallel|g1] [--profile])");
        }
      }
      int children = Integer.parseInt(o.getOrDefault("children", quick ? "10000" : "100000"));
      // full run: 120 cases in 10 rounds (12 a round with 1 client): with 40 in 2 rounds a pair's
      // ratio moved by up to 0.24 between the two rounds of a run and as much between runs of the
      // same code; its standard error falls with the square root of the rounds (docs/benchmarks.md,
      // 53)
      int cases = Integer.parseInt(o.getOrDefault("cases", quick ? "8" : "120"));
      int limit = Integer.parseInt(o.getOrDefault("limit-min", quick ? "12" : "50"));
      // full run: 360 cases; with 120 the second node was still compiling during the two-node
      // rounds (0.72-0.80 of one node) and reached 0.95 with 360 (docs/benchmarks.md, 24)
      String warmUp = quick ? String.valueOf(Math.max(24, cases * 2)) : "360";
      return new Plan(quick, children, cases, cases * 2, quick ? 100 : 300, quick ? 10 : 30,
          List.of(o.getOrDefault("db", "h2,postgres").split(",")), limit, profile,
          Integer.parseInt(o.getOrDefault("warmup", warmUp)),
          Math.max(1, Integer.parseInt(o.getOrDefault("rounds", quick ? "2" : "10"))),
          // full run: warm on until the compilers are done (docs/benchmarks.md, 26); not in
          // --quick, which must stay under 5 minutes
          Integer.parseInt(o.getOrDefault("jit-settle", quick ? "0" : "10")));
    }
  }

  /** A database of the bench: Guardian's and, on the same server, the bare engine's. */
  interface Db extends AutoCloseable {
    String name();

    List<String> nodeArguments();

    /** The datasource of the bare engine behind its REST API: a database of its own. */
    List<String> bareRestArguments();

    /** The datasource of Guardian in the harness's JVM (its service layer): a copy of its own. */
    List<String> serviceArguments();

    Connection connect() throws SQLException;

    DataSource bare();

    String camundaType();

    /** Size of Guardian's database after the seed. */
    double sizeMiB() throws SQLException;

    /**
     * Makes the limits' databases, and that of Guardian in the harness's JVM, copies of
     * Guardian's seeded one (nothing may be connected to it): all then run on the same county,
     * the same 100,000 monitoring instances, open tasks and timer jobs and the same indexes.
     */
    void copyForLimits() throws Exception;

    /**
     * Starts counting the statements of every database of the server afresh ({@code --profile} on
     * PostgreSQL: pg_stat_statements); nothing elsewhere.
     */
    default void resetStatements() throws SQLException {}

    /**
     * Writes where each of the {@code databases}' statement time went since {@link
     * #resetStatements}, per case of the side that ran on it ({@code casesEach} cases a side);
     * nothing where statements are not counted.
     */
    default void writeStatements(Path file, List<String> databases, double casesEach)
        throws SQLException, IOException {}

    /**
     * Each of the {@code databases}' transactions and rows written so far ({@code
     * pg_stat_database}: committed, rolled back, rows inserted, updated, deleted); empty where
     * the database keeps no such counts (H2).
     */
    default Map<String, long[]> transactions(List<String> databases) throws SQLException {
      return Map.of();
    }

    @Override
    void close() throws IOException;
  }

  public static void main(String[] args) throws Exception {
    Plan plan = Plan.of(args);
    long limitMinutes = plan.limitMinutes();
    Thread watchdog = new Thread(() -> {
      sleep(limitMinutes * 60_000);
      System.err.printf("bench: FAILED: no result within %d min (phase: %s); see %s/logs%n",
          limitMinutes, phase, WORK);
      System.out.println("bench: FAILED phase=" + phase.replace(' ', '_'));
      Runtime.getRuntime().halt(3);
    }, "bench-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    Files.createDirectories(WORK);
    progress("plan: %s", plan);
    if (plan.profile()) {
      // the flight recorder on from the start, like the nodes' (GuardianNode.launch); the
      // recording of the measured rounds is a second one
      jdk.jfr.Recording launch =
          new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
      launch.setName("launch");
      launch.setMaxAge(Duration.ofMinutes(1));
      launch.start();
    }
    Map<String, Map<String, Object>> results = new LinkedHashMap<>();
    try {
      for (String db : plan.databases()) {
        results.put(db, runOn(db.trim(), plan));
      }
    } catch (Exception | AssertionError e) {
      System.err.println("bench: FAILED in phase '" + phase + "': " + e);
      e.printStackTrace();
      System.out.println("bench: FAILED phase=" + phase.replace(' ', '_'));
      System.exit(2);
    }
    Report.write(plan, results, args);
    System.out.println(Report.lastLine(results));
    System.exit(0);
  }

  private static Map<String, Object> runOn(String dbName, Plan plan) throws Exception {
    Map<String, Object> r = new LinkedHashMap<>();
    try (Db db = open(dbName, plan.profile())) {
      phase(dbName + ": schema and seed");
      Flyway.configure().dataSource(new SingleConnection(db)).locations("classpath:db/migration")
          .load().migrate();
      int templates = Math.min(plan.children(), TEMPLATES);
      long s0 = System.nanoTime();
      List<CountySeed.Child> children;
      LocalDate today = LocalDate.now(CountySeed.zone());
      try (Connection c = db.connect()) {
        children = CountySeed.write(c, plan.children(), today, BenchCounty.villages(), 0,
            templates);
      }
      // cases about children of 4 and older: a report about a child under 3 is an emergency
      List<CountySeed.Child> subjects = children.stream()
          .filter(ch -> ch.birthDate().isBefore(today.minusYears(4))).toList();
      phase(dbName + ": monitoring of the templates");
      try (GuardianNode a = GuardianNode.launch(dbName + "-seed", db, true, List.of())) {
        a.awaitReady(900, () -> count(a, "/engine-rest/process-instance/count"
            + "?processDefinitionKey=monitoring") + " monitoring instances");
      }
      phase(dbName + ": seed of the county");
      try (Connection c = db.connect()) {
        CountySeed.write(c, plan.children(), today, BenchCounty.villages(), templates,
            plan.children());
        progress("%s: %d children written", dbName, plan.children());
        long rows = MonitoringClone.copy(c, dbName.equals("postgres"),
            children.subList(0, templates), children.subList(templates, children.size()));
        progress("%s: %d rows of monitoring copied", dbName, rows);
        // fresh statistics after the bulk load, as after any bulk load (autovacuum would get there
        // on its own, some time later): a node started at once planned its start-up sweep from
        // the empty tables' statistics and took 5 s instead of 50 ms
        long a0 = System.nanoTime();
        try (Statement st = c.createStatement()) {
          st.execute("analyze");
        }
        progress("%s: statistics refreshed (analyze) in %.1f s", dbName, secs(a0));
      }
      r.put("seed_s", round(secs(s0)));
      r.put("db_size_mib", round(db.sizeMiB()));
      progress("%s: county seeded in %.1f s", dbName, secs(s0));
      // the limits on the same county: on near-empty databases of their own they had been
      // spared the 100,000 instances, tasks and jobs that Guardian's queries and job acquisition
      // work among
      phase(dbName + ": copies of the county for the limits");
      long c0 = System.nanoTime();
      db.copyForLimits();
      r.put("limits_copy_s", round(secs(c0)));
      progress("%s: the limits' databases copied from Guardian's in %.1f s", dbName, secs(c0));

      phase(dbName + ": start-up and heap");
      Path nodeLog;
      Path gcLog;
      try (GuardianNode a = GuardianNode.launch(dbName + "-a", db, true,
          GuardianNode.JMX_LOGGERS)) {
        nodeLog = a.log;
        gcLog = a.gcLog;
        r.put("startup_s", round(a.awaitReady(900, null)));
        r.put("heap_mib", round(a.heapAfterFullGcMiB()));
        progress("%s: start-up %.1f s, heap after full GC %.1f MiB", dbName, r.get("startup_s"),
            r.get("heap_mib"));
        r.put("monitoring_instances", count(a, "/engine-rest/process-instance/count"
            + "?processDefinitionKey=monitoring"));
        long open = count(a, "/engine-rest/task/count");
        r.put("open_tasks", open);
        progress("%s: %s monitoring instances, %d open tasks", dbName,
            r.get("monitoring_instances"), open);
        phase(dbName + ": the limits' start-up");
        AtomicInteger guardianNext = new AtomicInteger(0);
        try (GuardianNode bareNode = GuardianNode.launchBare(dbName + "-bare-rest", db);
            BareEngine bare = new BareEngine(db.bare(), db.camundaType());
            GuardianInProcess service = GuardianInProcess.start(db.serviceArguments())) {
          r.put("bare_rest_startup_s", round(bareNode.awaitReady(900, null)));
          long bareOpen = count(bareNode, "/engine-rest/task/count");
          long bareInProcessOpen = bare.engine.getTaskService().createTaskQuery().count();
          long serviceOpen = service.engine().getTaskService().createTaskQuery().count();
          progress("%s: open tasks: %d behind the bare REST API, %d in the bare engine in"
              + " process, %d in Guardian in process", dbName, bareOpen, bareInProcessOpen,
              serviceOpen);
          if (bareOpen != open || bareInProcessOpen != open || serviceOpen != open) {
            throw new IllegalStateException("the copies are not Guardian's database: " + bareOpen
                + ", " + bareInProcessOpen + " and " + serviceOpen + " open tasks against "
                + open);
          }
          r.putAll(compare(plan, a, bareNode, bare, service, subjects, guardianNext, db));
        }
        // latencies with Guardian alone on the machine, as in service: in the rounds the limits'
        // JVMs (their compilers and collectors after their own rounds) shared the two cores
        phase(dbName + ": latencies, Guardian alone");
        for (int clients : new int[] {1, 4}) {
          Latencies in = new Latencies("intake, " + clients + " client(s)");
          Latencies done = new Latencies("completion, " + clients + " client(s)");
          GuardianWalker w = new GuardianWalker(a.http, in, done);
          run("Guardian alone, " + clients + " client(s), latencies", clients == 1
              ? plan.cases1() : plan.cases4(), clients, subjects, guardianNext, i -> w);
          put(r, "intake_" + clients, in);
          put(r, "completion_" + clients, done);
        }
        phase(dbName + ": task-list query");
        Latencies q = taskListQuery(a.http, plan.queries());
        put(r, "task_query", q);
        // the statement as the node runs it, logged for one more query
        a.logLevel(QueryPlan.LOGGER, "DEBUG");
        taskListQuery(a.http, 1);
        a.logLevel(QueryPlan.LOGGER, "WARN");
        if (!dbName.equals("h2")) {
          taskListPlan(nodeLog, db, dbName);
        }
        phase(dbName + ": dashboard");
        Latencies d = dashboard(a.http, plan.pages());
        put(r, "dashboard", d);
        if (dbName.equals("postgres")) {
          phase(dbName + ": two nodes");
          try (GuardianNode b = GuardianNode.launch(dbName + "-b", db, true, List.of())) {
            b.awaitReady(900, null);
            Latencies wi = new Latencies("warm-up intake");
            Latencies wc = new Latencies("warm-up completion");
            GuardianWalker warmB = new GuardianWalker(b.http, wi, wc);
            // as the first node: a JVM's compilers are still at work after a short warm-up
            r.put("second_node_warmup_cases", warmUp("warm-up of the second node",
                plan.warmUp(), plan, subjects, guardianNext, warmB, b.process.pid()));
            // node a served the latency runs, the task lists and the dashboard since its warm-up:
            // the classes they loaded made 200-300 of its compiled methods not entrant, which it
            // compiled again in the rounds (docs/benchmarks.md, 60); so it walks on as well until
            // its compilers settle
            GuardianWalker warmA = new GuardianWalker(a.http, wi, wc);
            r.put("first_node_rewarm_cases", warmUp("the first node warmed again", SETTLE_BATCH,
                plan, subjects, guardianNext, warmA, a.process.pid()));
            Latencies in = new Latencies("intake (2 nodes)");
            Latencies done = new Latencies("completion (2 nodes)");
            Walker[] walkers = {new GuardianWalker(a.http, in, done),
                new GuardianWalker(b.http, in, done)};
            Side oneNode = new Side("one node", new GuardianWalker(a.http,
                new Latencies("intake (1 node)"), new Latencies("completion (1 node)")), a,
                guardianNext);
            Side twoNodes = new Side("two nodes", i -> walkers[i % 2], null, guardianNext);
            // one node and two nodes in interleaved rounds, as the limits (see compare)
            double[] jitA0 = Breakdown.jitAndProcessMillis(a.process.pid());
            double[] jitB0 = Breakdown.jitAndProcessMillis(b.process.pid());
            Map<Side, Measured> m = interleaved(plan.cases4(), 4, plan.rounds(), subjects,
                List.of(oneNode, twoNodes));
            // how far each node was still compiling in these rounds: node a ran every case
            // before them, node b its warm-up only
            putJitShare(r, "two_nodes_jit_percent_a", jitA0,
                Breakdown.jitAndProcessMillis(a.process.pid()));
            putJitShare(r, "two_nodes_jit_percent_b", jitB0,
                Breakdown.jitAndProcessMillis(b.process.pid()));
            progress("%s: the JIT compilers' share of each node's CPU in those rounds: a %s %%,"
                + " b %s %%", dbName, r.get("two_nodes_jit_percent_a"),
                r.get("two_nodes_jit_percent_b"));
            r.put("two_nodes_cases_per_s", round(m.get(twoNodes).casesPerS()));
            r.put("two_nodes_one_node_cases_per_s", round(m.get(oneNode).casesPerS()));
            putRatio(r, "two_nodes_ratio", m.get(twoNodes), m.get(oneNode));
            if (plan.profile()) {
              profileTwoNodes(plan, db, a, b, oneNode, twoNodes, subjects);
            }
            put(r, "two_nodes_intake", in);
          }
        }
      }
      // the collector's pauses from ready on (the node's log is complete once it stopped)
      GcLog gc = GcLog.read(gcLog, (Double) r.get("startup_s"));
      r.putAll(gc.results());
      progress("%s: Guardian's node once ready, collector %s: %d pauses (%d full), longest %.1f ms,"
          + " %.1f s in all", dbName, gc.collector(), gc.pauses(), gc.fullPauses(), gc.maxMs(),
          gc.totalMs() / 1000);
      if (dbName.equals("h2")) {
        // H2's file admits one process: the plan once the node has let it go
        taskListPlan(nodeLog, db, dbName);
      }
    }
    progress("%s: %s", dbName, r);
    return r;
  }

  /** The plan of the task-list query as the node logged it ({@link QueryPlan}). */
  private static void taskListPlan(Path nodeLog, Db db, String dbName) {
    try {
      String queryPlan = QueryPlan.explain(nodeLog, db,
          dbName.equals("postgres") ? "explain (analyze, buffers) " : "explain analyze ",
          WORK.resolve("task-query-plan-" + dbName + ".txt"));
      progress("%s: task-list query plan (target/bench/task-query-plan-%s.txt):%n%s", dbName,
          dbName, queryPlan);
    } catch (Exception e) {
      progress("%s: no plan of the task-list query: %s", dbName, e);
    }
  }

  /** One side of the comparison: what it is, its walker, and the node that runs it (if any). */
  private record Side(String label, java.util.function.IntFunction<Walker> walkerOfThread,
      GuardianNode node, AtomicInteger next) {
    Side(String label, Walker walker, GuardianNode node, AtomicInteger next) {
      this(label, i -> walker, node, next);
    }
  }

  /**
   * Cases per second of a side over its rounds, its CPU per case (node, machine), its cases per
   * second in each round, and the time the harness's JVM spent in its collector's pauses per case
   * in the side's rounds (the in-process sides run there, and every side's walkers).
   */
  private record Measured(double casesPerS, Double nodeCpuMsPerCase, double machineCpuMsPerCase,
      List<Double> roundRates, double harnessGcMsPerCase, Double harnessCpuMsPerCase,
      Double databaseCpuMsPerCase) {}

  /**
   * The harness's JVM's time in its collectors' pauses so far, ms (the parallel collector's young
   * and full collections; G1's young, mixed and full ones, not its concurrent cycle).
   */
  static long harnessGcMillis() {
    long ms = 0;
    for (java.lang.management.GarbageCollectorMXBean gc
        : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      ms += Math.max(0, gc.getCollectionTime());
    }
    return ms;
  }

  /**
   * Puts the ratio of two sides measured in the same rounds under {@code key}, and how it spread
   * over the rounds: the lowest and highest round's ratio ({@code key_round_min}, {@code
   * key_round_max}) and the standard error of the rounds' mean ratio ({@code key_se}, from two
   * rounds on). A ratio from few short rounds on this machine is a wide estimate: in one run with
   * 12 cases a round, one pair's rounds went from 0.53 to 0.91 (docs/benchmarks.md, 53).
   */
  static void putRatio(Map<String, Object> r, String key, List<Double> rates,
      List<Double> limitRates, double rate, double limitRate) {
    r.put(key, round(rate / limitRate));
    int n = rates.size();
    double[] ratios = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      ratios[i] = rates.get(i) / limitRates.get(i);
      sum += ratios[i];
    }
    double mean = sum / n;
    double squares = 0;
    for (double x : ratios) {
      squares += (x - mean) * (x - mean);
    }
    r.put(key + "_round_min", round(Arrays.stream(ratios).min().orElse(Double.NaN)));
    r.put(key + "_round_max", round(Arrays.stream(ratios).max().orElse(Double.NaN)));
    if (n > 1) {
      r.put(key + "_se", Math.round(Math.sqrt(squares / (n - 1) / n) * 1000) / 1000.0);
    }
  }

  private static void putRatio(Map<String, Object> r, String key, Measured side,
      Measured limit) {
    putRatio(r, key, side.roundRates(), limit.roundRates(), side.casesPerS(),
        limit.casesPerS());
  }

  /**
   * Guardian and the bare engine, each driven two ways, warmed up the same way, then measured
   * with 1 and with 4 clients in interleaved rounds (Guardian's node, bare REST, Guardian in
   * process, bare in process, Guardian's node, ...): on this shared machine the speed of a core
   * drifts by tens of percent within minutes, and sides measured one after the other (as until
   * the fourth round) took that drift into their ratio. The pairs: Guardian's node over HTTP
   * against the bare engine behind its REST API, Guardian's service layer in the harness's JVM
   * against the bare engine's Java API in the same JVM.
   */
  private static Map<String, Object> compare(Plan plan, GuardianNode node, GuardianNode bareNode,
      BareEngine bare, GuardianInProcess guardianInProcess, List<CountySeed.Child> children,
      AtomicInteger guardianNext, Db db) throws Exception {
    String dbName = db.name();
    Map<String, Object> r = new LinkedHashMap<>();
    Latencies restIn = new Latencies("bare REST start");
    Latencies restDone = new Latencies("bare REST completion");
    Latencies bareIn = new Latencies("bare start");
    Latencies bareDone = new Latencies("bare completion");
    // Guardian's latencies are taken with Guardian alone afterwards (runOn), not in the rounds
    Side guardian = new Side("Guardian", new GuardianWalker(node.http,
        new Latencies("intake (rounds)"), new Latencies("completion (rounds)")), node,
        guardianNext);
    Side rest = new Side("bare REST", GuardianWalker.bare(bareNode.http, restIn, restDone),
        bareNode, new AtomicInteger(0));
    Side inProcess = new Side("bare", bare.walker(bareIn, bareDone), null, new AtomicInteger(0));
    Latencies serviceIn = new Latencies("Guardian in process intake");
    Latencies serviceDone = new Latencies("Guardian in process completion");
    Side service = new Side("Guardian in process", new GuardianInProcess.Walker(
        guardianInProcess.context, serviceIn, serviceDone), null, new AtomicInteger(0));
    List<Side> sides = List.of(guardian, rest, service, inProcess);

    phase(dbName + ": warm-up");
    GuardianWalker warm = new GuardianWalker(node.http, new Latencies("warm-up intake"),
        new Latencies("warm-up completion"));
    int guardianWarm = warmUp("warm-up", plan.warmUp(), plan, children, guardianNext, warm,
        node.process.pid());
    Walker restWarm = GuardianWalker.bare(bareNode.http, new Latencies("w"), new Latencies("w"));
    // the limits get at least the cases Guardian needed, so that no side is measured less warm
    int restWarmed = warmUp("bare REST warm-up", guardianWarm, plan, children, rest.next(),
        restWarm, bareNode.process.pid());
    // in process, no waiting for the compilers: the harness's JVM compiles its walkers and (H2)
    // the database too, and stays at 15-20 % (docs/benchmarks.md, 26)
    Walker bareWarm = bare.walker(new Latencies("w"), new Latencies("w"));
    int bareWarmed = Math.max(guardianWarm, restWarmed);
    run("bare warm-up", bareWarmed, 4, children, inProcess.next(), i -> bareWarm);
    Walker serviceWarm = new GuardianInProcess.Walker(guardianInProcess.context,
        new Latencies("w"), new Latencies("w"));
    // as many cases as Guardian's node needed (its compilers cannot be told apart from the
    // harness's, which do not settle: see the bare engine's above)
    run("Guardian in process warm-up", guardianWarm, 4, children, service.next(),
        i -> serviceWarm);
    r.put("guardian_warmup_cases", guardianWarm);
    r.put("bare_rest_warmup_cases", restWarmed);
    r.put("bare_warmup_cases", bareWarmed);
    r.put("guardian_service_warmup_cases", guardianWarm);

    jdk.jfr.Recording recording = null;
    if (plan.profile()) {
      node.startRecording();
      bareNode.startRecording();
      recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
      // each running thread sampled every millisecond, not every 10: a case's few milliseconds
      // of the harness's CPU otherwise leave about one sample a case to tell the sides apart
      recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
      recording.start();
      db.resetStatements();
    }
    // each side's database: its transactions and rows written in the measured rounds
    List<String> sideDatabases = List.of("guardian", "bare_rest", "guardian_service", "bare");
    Map<String, long[]> transactions0 = db.transactions(sideDatabases);
    phase(dbName + ": 1 client");
    Map<Side, Measured> one = interleaved(plan.cases1(), 1, plan.rounds(), children, sides);
    phase(dbName + ": 4 clients");
    Map<Side, Measured> four = interleaved(plan.cases4(), 4, plan.rounds(), children, sides);
    putTransactions(r, transactions0, db.transactions(sideDatabases),
        plan.cases1() + plan.cases4());
    if (plan.profile()) {
      stopRecording(node, dbName + "-guardian", "the node's 1- and 4-client runs");
      stopRecording(bareNode, dbName + "-bare-rest", "the bare REST engine's runs");
      Path jfr = WORK.resolve("logs").resolve(dbName + "-bare.jfr");
      recording.dump(jfr);
      recording.close();
      progress("%s: flight recording of the harness (the bare engine and Guardian in process,"
          + " every walker): %s", dbName, jfr);
      // each side wrote to a database of its own: its statements' time per measured case
      double sideCases = plan.cases1() + plan.cases4();
      Path statements = WORK.resolve("logs").resolve(dbName + "-statements.txt");
      db.writeStatements(statements, sideDatabases, sideCases);
      if (Files.exists(statements)) {
        progress("%s: the statements of each side's database per case: %s", dbName, statements);
      }
    }

    r.put("guardian_1_cases_per_s", round(one.get(guardian).casesPerS()));
    r.put("guardian_4_cases_per_s", round(four.get(guardian).casesPerS()));
    r.put("guardian_4_cpu_ms_per_case", four.get(guardian).nodeCpuMsPerCase());
    r.put("guardian_4_machine_cpu_ms_per_case", four.get(guardian).machineCpuMsPerCase());
    r.put("bare_rest_4_cpu_ms_per_case", four.get(rest).nodeCpuMsPerCase());
    r.put("bare_rest_4_machine_cpu_ms_per_case", four.get(rest).machineCpuMsPerCase());
    r.put("bare_rest_1_cases_per_s", round(one.get(rest).casesPerS()));
    r.put("bare_rest_4_cases_per_s", round(four.get(rest).casesPerS()));
    put(r, "bare_rest_intake", restIn);
    put(r, "bare_rest_completion", restDone);
    putRatio(r, "ratio_rest_1", one.get(guardian), one.get(rest));
    putRatio(r, "ratio_rest_4", four.get(guardian), four.get(rest));
    r.put("bare_4_machine_cpu_ms_per_case", four.get(inProcess).machineCpuMsPerCase());
    r.put("bare_1_cases_per_s", round(one.get(inProcess).casesPerS()));
    r.put("bare_4_cases_per_s", round(four.get(inProcess).casesPerS()));
    put(r, "bare_completion", bareDone);
    r.put("ratio_1", round(one.get(guardian).casesPerS() / one.get(inProcess).casesPerS()));
    r.put("ratio_4", round(four.get(guardian).casesPerS() / four.get(inProcess).casesPerS()));
    r.put("guardian_service_1_cases_per_s", round(one.get(service).casesPerS()));
    r.put("guardian_service_4_cases_per_s", round(four.get(service).casesPerS()));
    r.put("guardian_service_4_machine_cpu_ms_per_case", four.get(service).machineCpuMsPerCase());
    // where each side's CPU went with 4 clients: the harness's collector (the in-process sides'
    // own collections, and for the nodes their walkers'; docs/benchmarks.md, 56), the harness's
    // JVM (the in-process sides, every side's walkers) and PostgreSQL's processes
    Map<String, Side> bySide = new LinkedHashMap<>();
    bySide.put("guardian", guardian);
    bySide.put("bare_rest", rest);
    bySide.put("guardian_service", service);
    bySide.put("bare", inProcess);
    bySide.forEach((name, side) -> {
      r.put(name + "_4_harness_gc_ms_per_case", four.get(side).harnessGcMsPerCase());
      r.put(name + "_4_harness_cpu_ms_per_case", four.get(side).harnessCpuMsPerCase());
      if (four.get(side).databaseCpuMsPerCase() != null) {
        r.put(name + "_4_database_cpu_ms_per_case", four.get(side).databaseCpuMsPerCase());
      }
    });
    put(r, "guardian_service_intake", serviceIn);
    put(r, "guardian_service_completion", serviceDone);
    putRatio(r, "ratio_service_1", one.get(service), one.get(inProcess));
    putRatio(r, "ratio_service_4", four.get(service), four.get(inProcess));
    return r;
  }

  /**
   * Per measured case of each side (its database's counts between two readings of {@link
   * Db#transactions}, over its {@code cases} cases): transactions committed and rolled back
   * ({@code <db>_xact_per_case}, {@code <db>_rollbacks_per_case}) and rows written ({@code
   * <db>_rows_written_per_case}). Background work on a side's database (the scheduler, timers)
   * counts with it.
   */
  private static void putTransactions(Map<String, Object> r, Map<String, long[]> before,
      Map<String, long[]> after, int cases) {
    after.forEach((database, a) -> {
      long[] b = before.get(database);
      if (b != null) {
        r.put(database + "_xact_per_case", round((a[0] - b[0]) / (double) cases));
        r.put(database + "_rollbacks_per_case", round((a[1] - b[1]) / (double) cases));
        r.put(database + "_rows_written_per_case",
            round((a[2] + a[3] + a[4] - b[2] - b[3] - b[4]) / (double) cases));
      }
    });
  }

  /**
   * {@code cases} cases for each side with {@code threads} clients, in {@code rounds} rounds that
   * take the sides in turn; per side the cases over the time of its rounds.
   */
  private static Map<Side, Measured> interleaved(int cases, int threads, int rounds,
      List<CountySeed.Child> children, List<Side> sides) throws Exception {
    // seconds, cases, node CPU ms, machine CPU ms, the harness's collector ms, the harness's CPU
    // ms, the database's CPU ms (-1: no database processes, H2)
    Map<Side, double[]> sums = new LinkedHashMap<>();
    Map<Side, List<Double>> rates = new LinkedHashMap<>();
    for (Side side : sides) {
      sums.put(side, new double[7]);
      rates.put(side, new ArrayList<>());
    }
    for (int round = 0; round < rounds; round++) {
      int n = cases / rounds + (round < cases % rounds ? 1 : 0);
      for (Side side : sides) {
        String what = String.format("%s, %d client%s (round %d of %d)", side.label(), threads,
            threads == 1 ? "" : "s", round + 1, rounds);
        long gc0 = harnessGcMillis();
        double rate = run(what, n, threads, children, side.next(), side.walkerOfThread());
        rates.get(side).add(rate);
        double[] sum = sums.get(side);
        sum[4] += harnessGcMillis() - gc0;
        sum[0] += n / rate;
        sum[1] += n;
        if (side.node() != null && lastCpuPerCase.get(side.node().name) != null) {
          sum[2] += lastCpuPerCase.get(side.node().name) * n;
        }
        sum[3] += lastCpuPerCase.getOrDefault("machine", 0.0) * n;
        sum[5] += lastCpuPerCase.getOrDefault("harness", 0.0) * n;
        Double database = lastCpuPerCase.get("database");
        sum[6] = database == null || sum[6] < 0 ? -1 : sum[6] + database * n;
      }
    }
    Map<Side, Measured> out = new LinkedHashMap<>();
    sums.forEach((side, sum) -> {
      Measured m = new Measured(sum[1] / sum[0], side.node() == null ? null
          : round(sum[2] / sum[1]), round(sum[3] / sum[1]), List.copyOf(rates.get(side)),
          round(sum[4] / sum[1]), round(sum[5] / sum[1]),
          sum[6] < 0 ? null : round(sum[6] / sum[1]));
      progress("%s, %d client%s, %d rounds: %.0f cases in %.1f s = %.2f cases/s; CPU per case:"
          + " %smachine %.1f ms, the harness %.1f ms%s; the harness's collector %.2f ms a case",
          side.label(), threads, threads == 1 ? "" : "s", rounds, sum[1], sum[0], m.casesPerS(),
          m.nodeCpuMsPerCase() == null ? "" : "node " + m.nodeCpuMsPerCase() + " ms, ",
          m.machineCpuMsPerCase(), m.harnessCpuMsPerCase(),
          m.databaseCpuMsPerCase() == null ? "" : ", PostgreSQL " + m.databaseCpuMsPerCase()
              + " ms", m.harnessGcMsPerCase());
      out.put(side, m);
    });
    return out;
  }

  /** The JIT compilers' share of a JVM's CPU between two readings, in percent, if both read. */
  private static void putJitShare(Map<String, Object> r, String key, double[] before,
      double[] after) {
    if (before != null && after != null && after[1] > before[1]) {
      r.put(key, round(Breakdown.jitPercent(before, after)));
    }
  }

  /** Cases of a warm-up batch after the first {@link Plan#warmUp} while the compilers settle. */
  static final int SETTLE_BATCH = 60;
  /** The longest a side is warmed on for its compilers to settle, seconds. */
  static final int SETTLE_LIMIT_S = 240;

  /**
   * Warms one side up (4 clients): {@code first} cases, then, unless {@code --jit-settle=0},
   * batches of {@link #SETTLE_BATCH} more until the JIT compiler threads of the side's JVM ({@code
   * pid}) took less than {@link Plan#jitSettlePercent} of its CPU in a batch (at most {@link
   * #SETTLE_LIMIT_S}). A fresh JVM of this size compiles for about two minutes under load: with 360
   * cases the compilers still took a third of a node's CPU in the measured rounds, and more with
   * a single client. Returns the cases the side was warmed with.
   */
  private static int warmUp(String what, int first, Plan plan, List<CountySeed.Child> children,
      AtomicInteger next, Walker walker, long pid) throws Exception {
    run(what, first, 4, children, next, i -> walker);
    int cases = first;
    if (plan.jitSettlePercent() <= 0) {
      return cases;
    }
    long t0 = System.nanoTime();
    double[] before = Breakdown.jitAndProcessMillis(pid);
    while (before != null) {
      run(what + ", on while the compilers work", SETTLE_BATCH, 4, children, next, i -> walker);
      cases += SETTLE_BATCH;
      double[] after = Breakdown.jitAndProcessMillis(pid);
      if (after == null) {
        break;
      }
      double share = Breakdown.jitPercent(before, after);
      boolean settled = share < plan.jitSettlePercent();
      if (settled || secs(t0) > SETTLE_LIMIT_S) {
        progress("%s: %d cases; the JIT compilers took %.0f %% of the JVM's CPU in the last %d"
            + " cases%s",
            what, cases, share, SETTLE_BATCH, settled ? "" : " (still compiling: gave up after "
                + SETTLE_LIMIT_S + " s)");
        return cases;
      }
      progress("%s: the JIT compilers took %.0f %% of the JVM's CPU in the last %d cases", what,
          share, SETTLE_BATCH);
      before = after;
    }
    progress("%s: no /proc to watch the compilers: %d cases", what, cases);
    return cases;
  }

  /**
   * {@code --profile}, after the two-node rounds: where one node's and two nodes' time goes, each
   * in a run of its own (2M cases, 4 clients) with the database's statements counted afresh
   * ({@code postgres-one-node-statements.txt}, {@code postgres-two-nodes-statements.txt}, per
   * case) and flight recordings of the nodes ({@code postgres-one-node.jfr}, {@code
   * postgres-two-nodes-a.jfr}, {@code -b.jfr}).
   */
  private static void profileTwoNodes(Plan plan, Db db, GuardianNode a, GuardianNode b,
      Side oneNode, Side twoNodes, List<CountySeed.Child> subjects) throws Exception {
    String name = db.name();
    for (Side side : List.of(oneNode, twoNodes)) {
      String file = name + "-" + side.label().replace(' ', '-');
      db.resetStatements();
      a.startRecording();
      if (side == twoNodes) {
        b.startRecording();
      }
      run(side.label() + ", 4 clients (profile)", plan.cases4(), 4, subjects, side.next(),
          side.walkerOfThread());
      if (side == twoNodes) {
        stopRecording(a, file + "-a", "node a, " + side.label());
        stopRecording(b, file + "-b", "node b, " + side.label());
      } else {
        stopRecording(a, file, side.label());
      }
      Path statements = WORK.resolve("logs").resolve(file + "-statements.txt");
      db.writeStatements(statements, List.of("guardian"), plan.cases4());
      progress("%s: statements per case: %s", side.label(), statements);
    }
  }

  /** Ends a node's flight recording (--profile) into target/bench/logs/{@code name}.jfr. */
  private static void stopRecording(GuardianNode node, String name, String what)
      throws IOException, InterruptedException {
    Path jfr = WORK.resolve("logs").resolve(name + ".jfr");
    node.stopRecording(jfr);
    progress("flight recording of %s: %s", what, jfr);
  }

  /** Runs the cases on the threads; returns cases per second (wall clock). */
  static double run(String what, int cases, int threads, List<CountySeed.Child> children,
      AtomicInteger next, java.util.function.IntFunction<Walker> walkerOfThread)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger done = new AtomicInteger();
    Breakdown.reset();
    Map<String, Double> cpu0 = Breakdown.cpuMillis();
    long t0 = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        Walker w = walkerOfThread.apply(thread);
        while (true) {
          if (done.incrementAndGet() > cases) {
            return null;
          }
          int k = next.getAndIncrement();
          // children taken in a fixed stride over the county: deterministic, never twice
          w.walk(children.get((int) ((k * 7919L) % children.size())));
        }
      }));
    }
    pool.shutdown();
    try {
      for (Future<?> f : futures) {
        f.get(30, TimeUnit.MINUTES);
      }
    } catch (java.util.concurrent.ExecutionException e) {
      pool.shutdownNow();
      throw new IllegalStateException(what + ": " + e.getCause().getMessage(), e.getCause());
    }
    double s = secs(t0);
    double rate = cases / s;
    Map<String, Double> cpu1 = Breakdown.cpuMillis();
    progress("%s: %d cases in %.1f s = %.2f cases/s; time per case (summed over %d clients):%s%s",
        what, cases, s, rate, threads, Breakdown.summary(cases),
        Breakdown.cpuSummary(cpu0, cpu1, cases));
    lastCpuPerCase = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : cpu1.entrySet()) {
      if (cpu0.containsKey(e.getKey())) {
        lastCpuPerCase.put(e.getKey(), round((e.getValue() - cpu0.get(e.getKey())) / cases));
      }
    }
    return rate;
  }

  /** The task list of the station chief of 青溪镇 (371330101): first 50 by due date. */
  private static Latencies taskListQuery(Http http, int n) {
    String path = "/engine-rest/task?candidateGroup=station-chief@371330101"
        + "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=50";
    Latencies l = new Latencies("task-list query");
    for (int i = 0; i < Math.min(10, n); i++) {
      GuardianWalker.expect(http.get("chief-101", path), 200, "task-list query");
    }
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      Http.Response r = http.get("chief-101", path);
      l.add(t);
      GuardianWalker.expect(r, 200, "task-list query");
    }
    progress("%s", l.summary());
    return l;
  }

  private static Latencies dashboard(Http http, int n) {
    Http.Browser browser = new Http.Browser(http.base, "supervisor");
    Latencies l = new Latencies("dashboard");
    for (int i = 0; i < 2 + n; i++) {
      long t = System.nanoTime();
      var r = browser.get("/dashboard");
      if (i >= 2) {
        l.add(t);
      }
      if (r.statusCode() != 200) {
        throw new IllegalStateException("dashboard: HTTP " + r.statusCode());
      }
    }
    progress("%s", l.summary());
    return l;
  }

  private static long count(GuardianNode node, String path) {
    try {
      Http.Response r = node.http.get("demo", path);
      return r.status() == 200 ? r.json().path("count").asLong() : -1;
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private static void put(Map<String, Object> r, String key, Latencies l) {
    r.put(key + "_n", l.count());
    r.put(key + "_p50_ms", round(l.percentile(50)));
    r.put(key + "_p95_ms", round(l.percentile(95)));
    r.put(key + "_p99_ms", round(l.percentile(99)));
  }

  static double round(double d) {
    return Math.round(d * 100) / 100.0;
  }

  static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  static void phase(String p) {
    phase = p;
    progress("== %s", p);
  }

  static void progress(String format, Object... args) {
    System.err.printf(Locale.ROOT, "[bench %6.1fs] %s%n", secs(T0),
        String.format(Locale.ROOT, format, args));
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static Db open(String name, boolean profile) throws IOException, SQLException {
    return switch (name) {
      case "h2" -> new H2();
      case "postgres" -> new Postgres(profile);
      default -> throw new IllegalArgumentException("unknown database " + name
          + " (h2 or postgres)");
    };
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var s = Files.walk(dir)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** H2 files under target/bench/h2 (fresh each run). */
  static final class H2 implements Db {
    /**
     * The settings of every H2 database of the run, Guardian's and the limits' alike: those of
     * Guardian's default URL (application.yaml), so that H2 is measured as Guardian ships it:
     * {@code QUERY_CACHE_SIZE=128} (H2's default of 8 parsed statements per connection is far
     * below a case's mix, item 36) and, since item 45, {@code WRITE_DELAY=0} (a commit on disk
     * before it is acknowledged; until then the run left it out and every side had H2's 500 ms).
     */
    static final String SETTINGS = defaultUrlSettings();

    /** What follows the file in Guardian's default H2 URL. */
    static String defaultUrlSettings() {
      YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
      yaml.setResources(new ClassPathResource("application.yaml"));
      String url = yaml.getObject().getProperty("spring.datasource.url");
      String file = "jdbc:h2:file:./data/guardian";
      if (url == null || !url.startsWith(file + ";")) {
        throw new IllegalStateException("not Guardian's default H2 URL: " + url);
      }
      return url.substring(file.length());
    }

    private final Path dir = WORK.resolve("h2");
    private HikariDataSource bare;

    H2() throws IOException {
      deleteTree(dir);
      Files.createDirectories(dir);
    }

    @Override
    public void copyForLimits() throws IOException {
      // the file is closed: its last connection is gone (no DB_CLOSE_DELAY) and no node runs
      for (String copy : List.of("bare", "bare-rest", "service")) {
        Files.copy(dir.resolve("guardian.mv.db"), dir.resolve(copy + ".mv.db"));
      }
      bare = pool(url("bare"), "guardian", "guardian");
    }

    private String url(String file) {
      return url(file, SETTINGS);
    }

    private String url(String file, String settings) {
      return "jdbc:h2:file:" + dir.resolve(file) + settings;
    }

    /**
     * The harness's own connections (schema, the county's bulk copy, query plans): H2's default
     * write delay, as none of their commits is measured or needs to be on disk before it is
     * acknowledged. With {@code WRITE_DELAY=0} the copy of 100,000 children's monitoring took 378
     * s instead of 195 (item 45). Every node and limit opens the file with {@link #SETTINGS}.
     */
    static String harnessSettings() {
      String harness = SETTINGS.replace(";WRITE_DELAY=0", ";WRITE_DELAY=500");
      if (harness.equals(SETTINGS)) {
        throw new IllegalStateException("no WRITE_DELAY=0 in " + SETTINGS);
      }
      return harness;
    }

    /** A node's datasource properties for one of the run's H2 files. */
    private List<String> arguments(String file) {
      return List.of("--spring.datasource.url=" + url(file),
          "--spring.datasource.username=guardian", "--spring.datasource.password=guardian");
    }

    @Override
    public String name() {
      return "h2";
    }

    @Override
    public List<String> nodeArguments() {
      return arguments("guardian");
    }

    @Override
    public List<String> bareRestArguments() {
      return arguments("bare-rest");
    }

    @Override
    public List<String> serviceArguments() {
      return arguments("service");
    }

    @Override
    public Connection connect() throws SQLException {
      return DriverManager.getConnection(url("guardian", harnessSettings()), "guardian",
          "guardian");
    }

    @Override
    public DataSource bare() {
      return bare;
    }

    @Override
    public String camundaType() {
      return "h2";
    }

    @Override
    public double sizeMiB() {
      return dir.resolve("guardian.mv.db").toFile().length() / 1048576.0;
    }

    @Override
    public void close() {
      if (bare != null) {
        bare.close();
      }
    }
  }

  /** An embedded PostgreSQL (zonky) with its data under target/bench/pg (fresh each run). */
  static final class Postgres implements Db {
    private final EmbeddedPostgres server;
    private HikariDataSource bare;

    private final boolean countStatements;

    /** With {@code countStatements} (--profile), the server counts its statements. */
    Postgres(boolean countStatements) throws IOException, SQLException {
      this.countStatements = countStatements;
      // a run that was killed leaves its data behind, and initdb refuses a directory not empty
      deleteTree(WORK.resolve("pg"));
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setDataDirectory(WORK.resolve("pg")).setCleanDataDirectory(true)
          .setPGStartupWait(Duration.ofSeconds(120)).setServerConfig("max_connections", "300");
      if (countStatements) {
        builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
            .setServerConfig("pg_stat_statements.max", "5000")
            // planning is not part of a statement's execution time: count it too
            .setServerConfig("pg_stat_statements.track_planning", "on");
      }
      server = builder.start();
      try (Connection c = server.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("create database guardian");
        if (countStatements) {
          s.execute("create extension pg_stat_statements");
        }
      }
      progress("postgres: embedded server on port %d", server.getPort());
    }

    private String url(String database) {
      return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    }

    /** A node's datasource properties for one of the server's databases. */
    private List<String> arguments(String database) {
      return List.of("--spring.datasource.url=" + url(database),
          "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
          "--camunda.bpm.database.type=postgres");
    }

    @Override
    public String name() {
      return "postgres";
    }

    @Override
    public List<String> nodeArguments() {
      return arguments("guardian");
    }

    @Override
    public List<String> bareRestArguments() {
      return arguments("bare_rest");
    }

    @Override
    public List<String> serviceArguments() {
      return arguments("guardian_service");
    }

    @Override
    public Connection connect() throws SQLException {
      return DriverManager.getConnection(url("guardian") + "?reWriteBatchedInserts=true",
          "postgres", "postgres");
    }

    @Override
    public DataSource bare() {
      return bare;
    }

    @Override
    public String camundaType() {
      return "postgres";
    }

    @Override
    public double sizeMiB() throws SQLException {
      try (Connection c = connect(); Statement s = c.createStatement();
          var r = s.executeQuery("select pg_database_size('guardian')")) {
        r.next();
        return r.getLong(1) / 1048576.0;
      }
    }

    @Override
    public void resetStatements() throws SQLException {
      if (countStatements) {
        try (Connection c = server.getPostgresDatabase().getConnection();
            Statement s = c.createStatement()) {
          s.execute("select pg_stat_statements_reset()");
        }
      }
    }

    @Override
    public Map<String, long[]> transactions(List<String> databases) throws SQLException {
      Map<String, long[]> out = new LinkedHashMap<>();
      try (Connection c = server.getPostgresDatabase().getConnection();
          java.sql.PreparedStatement s = c.prepareStatement("select xact_commit,"
              + " xact_rollback, tup_inserted, tup_updated, tup_deleted from pg_stat_database"
              + " where datname = ?")) {
        for (String database : databases) {
          s.setString(1, database);
          try (var r = s.executeQuery()) {
            if (r.next()) {
              out.put(database, new long[] {r.getLong(1), r.getLong(2), r.getLong(3),
                  r.getLong(4), r.getLong(5)});
            }
          }
        }
      }
      return out;
    }

    @Override
    public void writeStatements(Path file, List<String> databases, double casesEach)
        throws SQLException, IOException {
      if (!countStatements) {
        return;
      }
      StringBuilder out = new StringBuilder();
      try (Connection c = server.getPostgresDatabase().getConnection()) {
        for (String database : databases) {
          out.append(PgStatements.of(c, database, casesEach));
        }
      }
      Files.writeString(file, out);
    }

    @Override
    public void copyForLimits() throws SQLException {
      try (Connection c = server.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        for (String copy : List.of("bare", "bare_rest", "guardian_service")) {
          // a copy needs the template to itself: autovacuum may be visiting it after the load
          for (int attempt = 1; ; attempt++) {
            try {
              s.execute("create database " + copy + " template guardian");
              break;
            } catch (SQLException e) {
              if (attempt == 30 || !"55006".equals(e.getSQLState())) {
                throw e;
              }
              sleep(1000);
            }
          }
        }
      }
      bare = pool(url("bare"), "postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
      if (bare != null) {
        bare.close();
      }
      server.close();
    }
  }

  private static HikariDataSource pool(String url, String user, String password) {
    HikariDataSource ds = new HikariDataSource();
    ds.setJdbcUrl(url);
    ds.setUsername(user);
    ds.setPassword(password);
    ds.setMaximumPoolSize(20);
    return ds;
  }

  /** Flyway's data source: a fresh connection each time, from the bench's Db. */
  static final class SingleConnection extends org.springframework.jdbc.datasource.AbstractDataSource {
    private final Db db;

    SingleConnection(Db db) {
      this.db = db;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return db.connect();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return db.connect();
    }
  }

  static String json(Object o) {
    try {
      return Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

}
