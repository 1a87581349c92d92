package org.guardian.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Guardian node: the application's own main class in a JVM of its own (runtime classpath, no
 * test classes), on the bench's database, with its log in target/bench/logs.
 */
final class GuardianNode implements AutoCloseable {

  private static final List<GuardianNode> RUNNING = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      synchronized (RUNNING) {
        for (GuardianNode n : RUNNING) {
          n.process.destroyForcibly();
        }
      }
    }));
  }

  final String name;
  final int port;
  final Http http;
  final Process process;
  final long launchedAtNanos;
  final Path log;
  /** The node's collector log ({@link GcLog}). */
  final Path gcLog;

  private GuardianNode(String name, int port, Process process, long launchedAtNanos, Path log,
      Path gcLog) {
    this.name = name;
    this.port = port;
    this.http = new Http("http://localhost:" + port);
    this.process = process;
    this.launchedAtNanos = launchedAtNanos;
    this.log = log;
    this.gcLog = gcLog;
  }

  /** The nodes running now. */
  static List<GuardianNode> running() {
    synchronized (RUNNING) {
      return List.copyOf(RUNNING);
    }
  }

  /** Launches a node; {@code db} holds the datasource properties. */
  static GuardianNode launch(String name, Bench.Db db, boolean enrolExisting, List<String> extra)
      throws IOException {
    List<String> args = new ArrayList<>(db.nodeArguments());
    args.addAll(guardianArguments(enrolExisting));
    args.add("--logging.level.org.guardian=INFO");
    args.add("--logging.level.org.springframework.boot.StartupInfoLogger=INFO");
    args.addAll(extra);
    return start(name, "org.guardian.GuardianApplication", runtimeClasspath(), args);
  }

  /** Guardian's settings in the bench, beside the database's: a node's and in the harness. */
  static List<String> guardianArguments(boolean enrolExisting) {
    return List.of("--guardian.demo.pending-reviews=0", "--guardian.demo.visit-history=false",
        "--guardian.monitoring.enrol-existing=" + enrolExisting, "--logging.level.root=WARN");
  }

  /**
   * Launches the bare engine behind its REST API ({@link guardianbench.BareRestEngine})
   * on a database of its own on the same server.
   */
  static GuardianNode launchBare(String name, Bench.Db db) throws IOException {
    List<String> args = new ArrayList<>(db.bareRestArguments());
    args.addAll(List.of("--camunda.bpm.history-level=full",
        "--camunda.bpm.database.schema-update=true",
        "--camunda.bpm.job-execution.enabled=true",
        "--camunda.bpm.auto-deployment-enabled=false",
        "--camunda.bpm.webapp.enabled=false",
        "--camunda.bpm.default-serialization-format=application/json",
        "--camunda.bpm.generic-properties.properties.enforceHistoryTimeToLive=true",
        "--camunda.bpm.generic-properties.properties.javaSerializationFormatEnabled=false",
        // a bare engine, as the one in process: no Spring event bridge (Guardian has it off too)
        "--camunda.bpm.eventing.execution=false",
        "--camunda.bpm.eventing.task=false",
        "--camunda.bpm.eventing.history=false",
        "--spring.jpa.open-in-view=false",
        "--management.endpoints.web.exposure.include=health",
        "--management.endpoint.health.probes.enabled=true",
        "--logging.level.root=WARN",
        "--logging.level.org.springframework.boot.StartupInfoLogger=INFO"));
    String cp = new File("target/test-classes").getAbsolutePath() + File.pathSeparator
        + runtimeClasspath();
    return start(name, "guardianbench.BareRestEngine", cp, args);
  }

  private static GuardianNode start(String name, String mainClass, String classpath,
      List<String> args) throws IOException {
    int port = freePort();
    Path logs = Bench.WORK.resolve("logs");
    Files.createDirectories(logs);
    Path log = logs.resolve(name + ".log");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + System.getProperty("bench.node.xmx", "1g"));
    cmd.add("-XX:+ExitOnOutOfMemoryError");
    cmd.add(collector());
    Path gcLog = logs.resolve(name + "-gc.log");
    cmd.add("-Xlog:gc:file=" + gcLog.toAbsolutePath());
    cmd.add("-Dfile.encoding=UTF-8");
    // options of an experiment, on every node alike (bench/run: BENCH_NODE_JVM)
    String extra = System.getProperty("bench.node.jvm", "").trim();
    if (!extra.isEmpty()) {
      cmd.addAll(List.of(extra.split("\\s+")));
    }
    if (Boolean.getBoolean("bench.profile")) {
      // whole stacks in the flight recording (a request is deeper than the default 64 frames)
      cmd.add("-XX:FlightRecorderOptions:stackdepth=512");
      // the flight recorder on from launch (a recording of the last minute, thrown away): when it
      // first started before the measured rounds, it instrumented the JDK's I/O classes then and
      // threw away their compiled callers, and the node's compilers took a third to a half of its
      // CPU in the rounds (docs/benchmarks.md, 34)
      cmd.add("-XX:StartFlightRecording=name=launch,settings=profile,maxage=1m");
    }
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add(mainClass);
    cmd.add("--server.port=" + port);
    cmd.addAll(args);
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    GuardianNode node = new GuardianNode(name, port, p, t0, log, gcLog);
    synchronized (RUNNING) {
      RUNNING.add(node);
    }
    Bench.progress("node %s: launched (pid %d, port %d, log %s)", name, p.pid(), port, log);
    return node;
  }

  /**
   * The collector of every JVM of the bench, the nodes' and the harness's alike: the option
   * {@code bench/run} started the harness with ({@code --gc=parallel|g1}, parallel by default, as a
   * node of 2 vCPU is run, docs/operations.md; it passes it on as {@code bench.gc}). With it two
   * nodes on this 2-core machine did 0.90-0.91 of one node's cases, with G1, which the JVM chooses
   * by itself here, 0.88-0.89 (docs/benchmarks.md, 55).
   */
  static String collector() {
    String gc = System.getProperty("bench.gc");
    if (gc == null || gc.isBlank()) {
      throw new IllegalStateException("-Dbench.gc missing (run bench/run)");
    }
    return gc;
  }

  /** Waits for the readiness probe; returns the seconds from launch to ready. */
  double awaitReady(long timeoutSeconds, Supplier<String> progress) {
    long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    long nextReport = System.nanoTime() + 15_000_000_000L;
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("node " + name + " exited with " + process.exitValue()
            + " before it was ready; see " + log);
      }
      try {
        Http.Response r = http.get(null, "/actuator/health/readiness");
        if (r.status() == 200) {
          double s = (System.nanoTime() - launchedAtNanos) / 1e9;
          Bench.progress("node %s: ready after %.1f s", name, s);
          return s;
        }
      } catch (IllegalStateException notYet) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("node " + name + " not ready within " + timeoutSeconds
            + " s; see " + log);
      }
      if (System.nanoTime() > nextReport && progress != null) {
        Bench.progress("node %s: starting... %s", name, progress.get());
        nextReport = System.nanoTime() + 15_000_000_000L;
      }
      Bench.sleep(100);
    }
  }

  /** Heap in use after a full GC, in MiB (jcmd GC.run, then GC.heap_info). */
  double heapAfterFullGcMiB() throws IOException, InterruptedException {
    jcmd("GC.run");
    Bench.sleep(500);
    jcmd("GC.run");
    return usedHeapKiB(jcmd("GC.heap_info")) / 1024.0;
  }

  /**
   * The heap in use from {@code jcmd GC.heap_info}: the sum of the "total …K, used …K" lines, one
   * for G1's whole heap, one per generation for the parallel and serial collectors (with those the
   * first line alone is the young generation's: 5.2 MiB in an experiment, docs/benchmarks.md 54).
   * Metaspace has no "total" and is not heap.
   */
  static long usedHeapKiB(String info) {
    Matcher m = Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
    long used = 0;
    boolean found = false;
    while (m.find()) {
      used += Long.parseLong(m.group(1));
      found = true;
    }
    if (!found) {
      throw new IllegalStateException("no heap figure in jcmd output: " + info);
    }
    return used;
  }

  /**
   * Starts the flight recording of the measured rounds in the node (bench/run --profile; the
   * recorder itself runs since launch).
   */
  void startRecording() throws IOException, InterruptedException {
    jcmd("JFR.start", "name=bench", "settings=profile");
  }

  /** Stops the recording and writes it to {@code file}. */
  void stopRecording(Path file) throws IOException, InterruptedException {
    jcmd("JFR.stop", "name=bench", "filename=" + file.toAbsolutePath());
  }

  /**
   * Sets a logger's level in the running node through Spring Boot's loggers endpoint over JMX
   * (the node must run with {@link #JMX_LOGGERS}): the harness attaches to the node's JVM and
   * starts its local management agent.
   */
  void logLevel(String logger, String level) throws Exception {
    com.sun.tools.attach.VirtualMachine vm =
        com.sun.tools.attach.VirtualMachine.attach(String.valueOf(process.pid()));
    try {
      String address = vm.startLocalManagementAgent();
      try (javax.management.remote.JMXConnector jmx = javax.management.remote
          .JMXConnectorFactory.connect(new javax.management.remote.JMXServiceURL(address))) {
        jmx.getMBeanServerConnection().invoke(
            new javax.management.ObjectName("org.springframework.boot:type=Endpoint,name=Loggers"),
            "configureLogLevel", new Object[] {logger, level},
            new String[] {String.class.getName(), String.class.getName()});
      }
    } finally {
      vm.detach();
    }
  }

  /** Node arguments that let {@link #logLevel} change log levels while the node runs. */
  static final List<String> JMX_LOGGERS = List.of("--spring.jmx.enabled=true",
      "--management.endpoints.jmx.exposure.include=loggers");

  private String jcmd(String... command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    List<String> cmd = new ArrayList<>(List.of(jcmd.toString(), String.valueOf(process.pid())));
    cmd.addAll(List.of(command));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + out);
    }
    return out;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    synchronized (RUNNING) {
      RUNNING.remove(this);
    }
    Bench.progress("node %s: stopped", name);
  }

  private static String runtimeClasspath() {
    String cp = System.getProperty("bench.runtime.classpath");
    if (cp == null || cp.isBlank()) {
      throw new IllegalStateException("-Dbench.runtime.classpath missing (run bench/run)");
    }
    return new File("target/classes").getAbsolutePath() + File.pathSeparator + cp;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
