package org.guardian.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The figures of a run: target/bench/results.json, a table in docs/benchmarks.md, the last line. */
final class Report {

  static final String BEGIN = "<!-- bench:latest:begin -->";
  static final String END = "<!-- bench:latest:end -->";

  private Report() {}

  /**
   * Worst of the databases: lowest ratio of the two like-for-like pairs (Guardian's node against
   * the bare engine behind its REST API, Guardian's service layer against the bare engine's Java
   * API in the same JVM; 1 and 4 clients) and throughput, highest latencies, start-up, heap. The
   * cross ratio (Guardian over HTTP against the bare engine in process) is in the table; it
   * measures the HTTP transport as much as Guardian (docs/benchmarks.md, item 37).
   */
  static String lastLine(Map<String, Map<String, Object>> results) {
    return String.format(Locale.ROOT,
        "bench: ratio=%.2f cases_per_s=%.2f task_query_p95_ms=%.1f intake_p95_ms=%.1f"
            + " startup_s=%.1f heap_mib=%.1f",
        min(results, "ratio_service_1", "ratio_service_4", "ratio_rest_1", "ratio_rest_4"),
        min(results, "guardian_4_cases_per_s"),
        max(results, "task_query_p95_ms"), max(results, "intake_4_p95_ms"),
        max(results, "startup_s"), max(results, "heap_mib"));
  }

  static void write(Bench.Plan plan, Map<String, Map<String, Object>> results, String[] args)
      throws IOException {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("when", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    all.put("command", command(args));
    all.put("machine", machine());
    all.put("plan", plan.toString());
    all.put("results", results);
    Files.writeString(Bench.WORK.resolve("results.json"), Bench.json(all));
    String table = table(plan, results, args);
    Files.writeString(Bench.WORK.resolve("report.md"), table);
    Path docs = Path.of("docs", "benchmarks.md");
    if (Files.exists(docs)) {
      String text = Files.readString(docs);
      int a = text.indexOf(BEGIN);
      int b = text.indexOf(END);
      if (a >= 0 && b > a) {
        Files.writeString(docs, text.substring(0, a + BEGIN.length()) + "\n" + table
            + text.substring(b));
        Bench.progress("figures written to %s and %s", docs, Bench.WORK.resolve("results.json"));
      }
    }
  }

  private static String table(Bench.Plan plan, Map<String, Map<String, Object>> results,
      String[] args) {
    StringBuilder s = new StringBuilder();
    s.append("Run of ").append(Instant.now().truncatedTo(ChronoUnit.MINUTES)).append(": `")
        .append(command(args)).append("` (").append(plan.children()).append(" children, ")
        .append(plan.cases1()).append(" cases with 1 client, ").append(plan.cases4())
        .append(" with 4). Machine: ").append(machine()).append(".\n\n");
    // a label and the key of its figure, or the keys of several figures shown as "a / b / ..."
    String[][] rows = {
        {"county seeded (children, template enrolment, copies), s", "seed_s"},
        {"monitoring instances after the seed", "monitoring_instances"},
        {"open tasks after the seed", "open_tasks"},
        {"Guardian's database after the seed, MiB", "db_size_mib"},
        {"Guardian (node, REST API) cases/s, 1 client", "guardian_1_cases_per_s"},
        {"Guardian (node, REST API) cases/s, 4 clients", "guardian_4_cases_per_s"},
        {"bare engine behind its REST API cases/s, 1 client", "bare_rest_1_cases_per_s"},
        {"bare engine behind its REST API cases/s, 4 clients", "bare_rest_4_cases_per_s"},
        {"Guardian in process (service layer) cases/s, 1 client",
            "guardian_service_1_cases_per_s"},
        {"Guardian in process (service layer) cases/s, 4 clients",
            "guardian_service_4_cases_per_s"},
        {"bare engine in process (Java API) cases/s, 1 client", "bare_1_cases_per_s"},
        {"bare engine in process (Java API) cases/s, 4 clients", "bare_4_cases_per_s"},
        {"ratio Guardian / bare REST, 1 client (target >= 0.7)", "ratio_rest_1"},
        {"ratio Guardian / bare REST, 4 clients (target >= 0.7)", "ratio_rest_4"},
        {"ratio Guardian in process / bare in process, 1 client (target >= 0.7)",
            "ratio_service_1"},
        {"ratio Guardian in process / bare in process, 4 clients (target >= 0.7)",
            "ratio_service_4"},
        {"cross ratio, Guardian over HTTP / bare in process, 1 client (not a pair)", "ratio_1"},
        {"cross ratio, Guardian over HTTP / bare in process, 4 clients (not a pair)", "ratio_4"},
        {"CPU per case, 4 clients: Guardian's node / machine, ms",
            "guardian_4_cpu_ms_per_case", "guardian_4_machine_cpu_ms_per_case"},
        {"CPU per case, 4 clients: bare REST node / machine, ms",
            "bare_rest_4_cpu_ms_per_case", "bare_rest_4_machine_cpu_ms_per_case"},
        {"CPU per case, 4 clients: machine with Guardian in process, ms",
            "guardian_service_4_machine_cpu_ms_per_case"},
        {"CPU per case, 4 clients: machine with the bare engine in process, ms",
            "bare_4_machine_cpu_ms_per_case"},
        {"CPU per case, 4 clients, the harness's JVM (the in-process sides, every side's walkers)"
            + " in the rounds of: Guardian's node / bare REST / Guardian in process / bare in"
            + " process, ms",
            "guardian_4_harness_cpu_ms_per_case", "bare_rest_4_harness_cpu_ms_per_case",
            "guardian_service_4_harness_cpu_ms_per_case", "bare_4_harness_cpu_ms_per_case"},
        {"CPU per case, 4 clients, PostgreSQL's processes in the rounds of: Guardian's node / bare"
            + " REST / Guardian in process / bare in process, ms",
            "guardian_4_database_cpu_ms_per_case", "bare_rest_4_database_cpu_ms_per_case",
            "guardian_service_4_database_cpu_ms_per_case", "bare_4_database_cpu_ms_per_case"},
        {"PostgreSQL transactions committed per case, in the rounds (1 and 4 clients) of:"
            + " Guardian's node / bare REST / Guardian in process / bare in process",
            "guardian_xact_per_case", "bare_rest_xact_per_case",
            "guardian_service_xact_per_case", "bare_xact_per_case"},
        {"PostgreSQL rows written (inserted, updated, deleted) per case, in the rounds of:"
            + " Guardian's node / bare REST / Guardian in process / bare in process",
            "guardian_rows_written_per_case", "bare_rest_rows_written_per_case",
            "guardian_service_rows_written_per_case", "bare_rows_written_per_case"},
        {"the harness's collector per case, 4 clients, in the rounds of: Guardian's node / bare"
            + " REST / Guardian in process / bare in process, ms",
            "guardian_4_harness_gc_ms_per_case", "bare_rest_4_harness_gc_ms_per_case",
            "guardian_service_4_harness_gc_ms_per_case", "bare_4_harness_gc_ms_per_case"},
        {"report intake p50 / p95 / p99 ms, 1 client", "intake_1"},
        {"report intake p50 / p95 / p99 ms, 4 clients (target p95 <= 100)", "intake_4"},
        {"task completion p50 / p95 / p99 ms, 1 client", "completion_1"},
        {"task completion p50 / p95 / p99 ms, 4 clients", "completion_4"},
        {"Guardian in process, task completion p50 / p95 / p99 ms",
            "guardian_service_completion"},
        {"bare engine in process, task completion p50 / p95 / p99 ms", "bare_completion"},
        {"bare engine REST, task completion p50 / p95 / p99 ms", "bare_rest_completion"},
        {"task-list query, one station chief, p50 / p95 / p99 ms (target p95 <= 50)",
            "task_query"},
        {"dashboard page p50 / p95 / p99 ms", "dashboard"},
        {"start-up to ready, s (target <= 15)", "startup_s"},
        {"heap after start-up and full GC, MiB (target <= 256)", "heap_mib"},
        {"Guardian's node once ready: collector / pauses / of them full / longest ms / all ms",
            "gc_collector", "gc_pauses", "gc_full_pauses", "gc_pause_max_ms",
            "gc_pause_total_ms"},
        {"warm-up cases before the two-node rounds: node b / node a again",
            "second_node_warmup_cases", "first_node_rewarm_cases"},
        {"one node, 4 clients, in the rounds of the two-node phase, cases/s",
            "two_nodes_one_node_cases_per_s"},
        {"two nodes, 4 clients, cases/s", "two_nodes_cases_per_s"},
        {"two nodes / one node (target >= 0.9)", "two_nodes_ratio"},
        {"the JIT compilers' share of node a's / node b's CPU in the two-node phase's rounds, %",
            "two_nodes_jit_percent_a", "two_nodes_jit_percent_b"},
    };
    s.append("| figure |");
    results.keySet().forEach(db -> s.append(' ').append(db).append(" |"));
    s.append("\n|---|");
    results.keySet().forEach(db -> s.append("---|"));
    s.append('\n');
    for (String[] row : rows) {
      s.append("| ").append(row[0]).append(" |");
      for (Map<String, Object> r : results.values()) {
        Object v = r.get(row[1]);
        if (v != null && row.length > 2) {
          // a row of several figures: their values in the order of its keys
          v = Arrays.stream(row, 1, row.length).map(k -> String.valueOf(r.get(k)))
              .collect(Collectors.joining(" / "));
        }
        if (v != null && r.containsKey(row[1] + "_se")) {
          v = v + " (rounds " + r.get(row[1] + "_round_min") + "–" + r.get(row[1] + "_round_max")
              + ", s.e. " + r.get(row[1] + "_se") + ")";
        }
        if (v == null && r.containsKey(row[1] + "_p50_ms")) {
          v = r.get(row[1] + "_p50_ms") + " / " + r.get(row[1] + "_p95_ms") + " / "
              + r.get(row[1] + "_p99_ms");
        }
        s.append(' ').append(v == null ? "–" : v).append(" |");
      }
      s.append('\n');
    }
    s.append("\nLast line: `").append(lastLine(results)).append("`\n");
    return s.toString();
  }

  private static String command(String[] args) {
    return ("bench/run " + String.join(" ", args)).trim();
  }

  private static String machine() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os.getAvailableProcessors() + " cores, " + os.getName() + " " + os.getArch()
        + ", Java " + System.getProperty("java.version") + ", load average at the end "
        + String.format(Locale.ROOT, "%.1f", os.getSystemLoadAverage())
        + ", every JVM " + GuardianNode.collector() + " (the harness's collectors: "
        + String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(java.lang.management.GarbageCollectorMXBean::getName).toList()) + ")";
  }

  private static double min(Map<String, Map<String, Object>> results, String... keys) {
    double m = Double.NaN;
    for (Map<String, Object> r : results.values()) {
      for (String k : keys) {
        if (r.get(k) instanceof Number n && (Double.isNaN(m) || n.doubleValue() < m)) {
          m = n.doubleValue();
        }
      }
    }
    return m;
  }

  private static double max(Map<String, Map<String, Object>> results, String key) {
    double m = Double.NaN;
    for (Map<String, Object> r : results.values()) {
      if (r.get(key) instanceof Number n && (Double.isNaN(m) || n.doubleValue() > m)) {
        m = n.doubleValue();
      }
    }
    return m;
  }
}
