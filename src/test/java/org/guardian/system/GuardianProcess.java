package org.guardian.system;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.guardian.GuardianApplication;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

/**
 * Guardian as a separate operating-system process, for tests that kill it (SIGKILL) or run several
 * nodes: {@code java} with the application's classpath (the test JVM's, without the test classes),
 * the {@code demo} profile with the job executor on, a free port, its output in a file under
 * {@code target/guardian-processes}. Every process started is killed when the test JVM exits (a
 * shutdown hook), whatever the tests did; {@link #close()} stops it at once.
 */
public final class GuardianProcess implements AutoCloseable {

  /** Every process not yet stopped, killed by the shutdown hook. */
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
  private static final Path DIR = Path.of("target", "guardian-processes").toAbsolutePath();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
        "kill-guardian-processes"));
  }

  private final String name;
  private final Map<String, String> properties;
  private final List<String> profiles;
  private final int port;
  private Process process;
  private Path log;
  private int starts;

  private GuardianProcess(String name, List<String> profiles, Map<String, String> properties) {
    this.name = name;
    this.profiles = profiles;
    this.properties = properties;
    this.port = freePort();
  }

  /**
   * A node named {@code name} (the name of its log files) on a database given by Spring properties
   * ({@code spring.datasource.*}); not yet started. Extra profiles are added to {@code demo}.
   */
  public static GuardianProcess of(String name, Map<String, String> database,
      String... extraProfiles) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("server.port", "0"); // replaced by the node's port
    props.put("camunda.bpm.job-execution.enabled", "true");
    // find due timers within seconds, not after the default idle back-off of a minute
    props.put("camunda.bpm.job-execution.max-wait", "2000");
    props.put("camunda.bpm.job-execution.wait-time-in-millis", "1000");
    // jobs a killed node had acquired are free for the others after 15 s, not 5 minutes
    props.put("camunda.bpm.job-execution.lock-time-in-millis", "15000");
    props.put("guardian.demo.visit-history", "false");
    props.put("guardian.demo.pending-reviews", "0");
    props.put("guardian.reporting.route-unrouted-every", "PT3S");
    props.put("guardian.reporting.route-unrouted-after", "PT10S");
    props.put("guardian.audit.seal-interval", "PT1S");
    props.put("logging.level.org.guardian", "INFO");
    props.putAll(database);
    List<String> profiles = new ArrayList<>(List.of("demo"));
    profiles.addAll(Arrays.asList(extraProfiles));
    return new GuardianProcess(name, profiles, props);
  }

  /** Sets a Spring property for the next start. */
  public GuardianProcess with(String key, String value) {
    properties.put(key, value);
    return this;
  }

  /** Starts the process (again, after a kill or stop: same port, same database). */
  public synchronized GuardianProcess start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is running");
    }
    starts++;
    try {
      Files.createDirectories(DIR);
      log = DIR.resolve(name + "-" + starts + ".log");
      Path argFile = DIR.resolve(name + ".args");
      List<String> args = new ArrayList<>();
      args.add("-Xmx512m");
      args.add("-XX:TieredStopAtLevel=1");
      args.add("-XX:+UseSerialGC");
      args.add("-Dfile.encoding=UTF-8");
      args.add("-cp");
      args.add(quoted(applicationClasspath()));
      args.add(GuardianApplication.class.getName());
      args.add("--spring.profiles.active=" + String.join(",", profiles));
      properties.forEach((k, v) -> args.add(quoted("--" + k + "=" + value(k, v))));
      Files.write(argFile, args, StandardCharsets.UTF_8);
      ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "@" + argFile)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .directory(DIR.toFile());
      process = builder.start();
      LIVE.add(process);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String value(String key, String v) {
    return key.equals("server.port") ? String.valueOf(port) : v;
  }

  /** Waits until {@code /actuator/health} says UP (start-up and demo data done). */
  public GuardianProcess awaitUp(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + "\n" + tail(60));
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url()
            + "/actuator/health")).timeout(Duration.ofSeconds(3)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
          return this;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      sleep(500);
    }
    throw new AssertionError(name + " not UP within " + timeout + "\n" + tail(60));
  }

  /** SIGKILL: no shutdown hook, no graceful stop, whatever was in flight is cut. */
  public void kill() {
    Process p = process;
    p.destroyForcibly();
    waitFor(p);
  }

  /** SIGTERM and a graceful stop (Spring closes the engine and the pool). */
  public void stop() {
    Process p = process;
    p.destroy();
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    waitFor(p);
  }

  private void waitFor(Process p) {
    try {
      p.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LIVE.remove(p);
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  public String url() {
    return "http://localhost:" + port;
  }

  public String name() {
    return name;
  }

  /** A REST client of this node (short timeouts: a killed node must not hang the test). */
  public TestRestTemplate rest() {
    return new TestRestTemplate(new RestTemplateBuilder().rootUri(url())
        .connectTimeout(Duration.ofSeconds(3)).readTimeout(Duration.ofSeconds(30)));
  }

  /** The last lines of the node's output (all its starts), for a failure message. */
  public String tail(int lines) {
    StringBuilder out = new StringBuilder();
    for (int i = Math.max(1, starts - 1); i <= starts; i++) {
      Path file = DIR.resolve(name + "-" + i + ".log");
      try {
        List<String> all = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8)
            : List.of();
        out.append("---- ").append(file).append(" (last ").append(lines).append(" lines)\n");
        all.subList(Math.max(0, all.size() - lines), all.size())
            .forEach(l -> out.append(l).append('\n'));
      } catch (IOException | UncheckedIOException e) {
        out.append("(unreadable: ").append(e.getMessage()).append(")\n");
      }
    }
    return out.toString();
  }

  /** Everything the node wrote so far (all its starts). */
  public String output() {
    StringBuilder out = new StringBuilder();
    for (Path file : logs()) {
      try {
        out.append(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out.toString();
  }

  /** The node's log files so far. */
  public List<Path> logs() {
    List<Path> files = new ArrayList<>();
    for (int i = 1; i <= starts; i++) {
      files.add(DIR.resolve(name + "-" + i + ".log"));
    }
    return files;
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  /** Closes nodes and databases of a test (nulls skipped: a set-up that failed half-way). */
  public static void closeAll(AutoCloseable... all) throws Exception {
    for (AutoCloseable c : all) {
      if (c != null) {
        c.close();
      }
    }
  }

  /**
   * The classpath of the application: the test JVM's, without test classes (which would add the
   * test configurations to the application) and without the test runner's own jars.
   */
  static String applicationClasspath() {
    String cp = System.getProperty("java.class.path");
    return Arrays.stream(cp.split(File.pathSeparator))
        .filter(e -> !e.endsWith("test-classes") && !e.endsWith("test-classes/"))
        .filter(e -> !e.contains("surefire"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String quoted(String arg) {
    return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
