package org.guardian.bench;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where the walkers' time goes within one run: wall time summed per part of a case (intake,
 * finding the next task, completing it, ...) and how many requests or polls each took. Reset by
 * {@link Bench#run} before each run and printed after it.
 */
final class Breakdown {

  private static final Map<String, LongAdder[]> PARTS = new ConcurrentHashMap<>();

  private Breakdown() {}

  /** Adds the time since {@code startNanos} and {@code calls} calls to a part. */
  static void add(String part, long startNanos, int calls) {
    LongAdder[] a = PARTS.computeIfAbsent(part, k -> new LongAdder[] {new LongAdder(),
        new LongAdder()});
    a[0].add(System.nanoTime() - startNanos);
    a[1].add(calls);
  }

  static void reset() {
    PARTS.clear();
  }

  /** One line per part: ms per case and calls per case. */
  static String summary(int cases) {
    StringBuilder s = new StringBuilder();
    new TreeMap<>(PARTS).forEach((part, a) -> s.append(String.format(Locale.ROOT,
        "%n    %-22s %8.1f ms/case %6.1f calls/case", part, a[0].sum() / 1e6 / cases,
        a[1].sum() / (double) cases)));
    return s.toString();
  }

  /**
   * CPU time of the machine (all processes: nodes, database, harness), of each running node, of
   * the harness's own JVM ({@code harness}: the in-process sides and every side's walkers) and of
   * PostgreSQL's processes ({@code database}; none on H2, which runs inside the JVMs), in ms, from
   * /proc (Linux; empty elsewhere).
   */
  static Map<String, Double> cpuMillis() {
    Map<String, Double> cpu = new TreeMap<>();
    try {
      String[] total = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat"))
          .get(0).trim().split("\\s+");
      // user nice system idle iowait irq softirq steal: busy = all but idle and iowait
      long busy = 0;
      for (int i = 1; i <= 8 && i < total.length; i++) {
        if (i != 4 && i != 5) {
          busy += Long.parseLong(total[i]);
        }
      }
      cpu.put("machine", busy * 1000.0 / TICKS);
      for (GuardianNode node : GuardianNode.running()) {
        String stat = java.nio.file.Files.readString(
            java.nio.file.Path.of("/proc", String.valueOf(node.process.pid()), "stat"));
        cpu.put(node.name, ticks(stat) * 1000.0 / TICKS);
      }
      cpu.put("harness",
          ticks(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat")))
              * 1000.0 / TICKS);
      long database = databaseTicks();
      if (database >= 0) {
        cpu.put("database", database * 1000.0 / TICKS);
      }
    } catch (java.io.IOException | RuntimeException e) {
      return Map.of();
    }
    return cpu;
  }

  /**
   * The JIT compilers' share of a JVM's CPU between two {@link #jitAndProcessMillis} readings, in
   * percent.
   */
  static double jitPercent(double[] before, double[] after) {
    return 100 * (after[0] - before[0]) / Math.max(1, after[1] - before[1]);
  }

  /** Clock ticks per second of /proc figures (USER_HZ, 100 on Linux). */
  private static final double TICKS = 100.0;

  /**
   * CPU time of a JVM in ms: {@code [its JIT compiler threads, the whole process]}, from /proc
   * (Linux; null elsewhere). HotSpot names its compiler threads "C1 CompilerThread0", "C2
   * CompilerThread0", ..., which the kernel keeps as "C1 CompilerThre".
   */
  static double[] jitAndProcessMillis(long pid) {
    try {
      java.nio.file.Path proc = java.nio.file.Path.of("/proc", String.valueOf(pid));
      long compiler = 0;
      try (var tasks = java.nio.file.Files.list(proc.resolve("task"))) {
        for (java.nio.file.Path task : (Iterable<java.nio.file.Path>) tasks::iterator) {
          String stat;
          try {
            stat = java.nio.file.Files.readString(task.resolve("stat"));
          } catch (java.io.IOException gone) {
            continue; // the thread ended meanwhile
          }
          String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          if (comm.matches("C[12] CompilerThre.*")) {
            compiler += ticks(stat);
          }
        }
      }
      long process = ticks(java.nio.file.Files.readString(proc.resolve("stat")));
      return new double[] {compiler * 1000.0 / TICKS, process * 1000.0 / TICKS};
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * CPU ticks of the bench's PostgreSQL server (its main process, named in {@code
   * target/bench/pg/postmaster.pid}, and its children): each process's own and, for the main
   * process, those of its ended connection processes; -1 if no server runs.
   */
  private static long databaseTicks() throws java.io.IOException {
    java.nio.file.Path pidFile = Bench.WORK.resolve("pg").resolve("postmaster.pid");
    if (!java.nio.file.Files.exists(pidFile)) {
      return -1;
    }
    String main;
    try {
      main = java.nio.file.Files.readAllLines(pidFile).get(0).trim();
    } catch (java.io.IOException | IndexOutOfBoundsException gone) {
      return -1; // the server stopped meanwhile
    }
    long sum = -1;
    try (var all = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
      for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) all::iterator) {
        if (!p.getFileName().toString().chars().allMatch(Character::isDigit)) {
          continue;
        }
        String stat;
        try {
          stat = java.nio.file.Files.readString(p.resolve("stat"));
        } catch (java.io.IOException gone) {
          continue; // the process ended meanwhile
        }
        String[] f = fields(stat);
        // the main process, or one of its children (field 4, the parent's pid)
        if (p.getFileName().toString().equals(main) || f[1].equals(main)) {
          // its own and, cutime and cstime, its ended children's: a connection's process, once
          // ended, counts in its parent's
          sum = Math.max(sum, 0) + ticks(f) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        }
      }
    }
    return sum;
  }

  /** utime + stime of a /proc stat line (fields 14 and 15; 12 and 13 after the command). */
  private static long ticks(String stat) {
    return ticks(fields(stat));
  }

  private static long ticks(String[] fields) {
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** The fields of a /proc stat line after the command, the state (field 3) first. */
  private static String[] fields(String stat) {
    return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
  }

  /** CPU ms per case between two {@link #cpuMillis} readings. */
  static String cpuSummary(Map<String, Double> before, Map<String, Double> after, int cases) {
    StringBuilder s = new StringBuilder();
    after.forEach((k, v) -> {
      Double b = before.get(k);
      if (b != null) {
        s.append(String.format(Locale.ROOT, "%n    CPU %-18s %8.1f ms/case", k, (v - b) / cases));
      }
    });
    return s.toString();
  }
}
