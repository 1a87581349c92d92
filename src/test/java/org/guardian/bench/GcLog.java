package org.guardian.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collector's pauses in a node's GC log ({@code -Xlog:gc}, written by every node the bench
 * launches) once the node was ready: how long its requests stood still for its collector. Left
 * out: the pauses of start-up (the parallel collector's full collections as the classes' metadata
 * grows, 30-210 ms each, before any request) and the harness's own full collections ({@code jcmd
 * GC.run}, "Diagnostic Command", for the heap after start-up; {@code System.gc()}).
 */
record GcLog(String collector, int pauses, int fullPauses, double maxMs, double totalMs) {

  private static final Pattern USING = Pattern.compile("\\[gc\\s*\\] Using (.+)$");
  private static final Pattern PAUSE = Pattern.compile(
      "^\\[(\\d+(?:\\.\\d+)?)s\\]\\[\\w+\\s*\\]\\[gc\\s*\\] GC\\(\\d+\\) Pause (\\S+).*"
          + " (\\d+(?:\\.\\d+)?)ms$");

  /** The pauses from {@code readySeconds} of the JVM's uptime on. */
  static GcLog read(Path file, double readySeconds) throws IOException {
    return parse(Files.readAllLines(file), readySeconds);
  }

  static GcLog parse(List<String> lines, double readySeconds) {
    String collector = "?";
    int pauses = 0;
    int full = 0;
    double max = 0;
    double total = 0;
    for (String line : lines) {
      Matcher using = USING.matcher(line);
      if (using.find()) {
        collector = using.group(1).trim();
        continue;
      }
      Matcher m = PAUSE.matcher(line);
      if (!m.find() || Double.parseDouble(m.group(1)) < readySeconds
          || line.contains("(System.gc())") || line.contains("(Diagnostic Command)")) {
        continue;
      }
      double ms = Double.parseDouble(m.group(3));
      pauses++;
      if (m.group(2).equals("Full")) {
        full++;
      }
      max = Math.max(max, ms);
      total += ms;
    }
    return new GcLog(collector, pauses, full, max, total);
  }

  /** The figures under {@code gc_*} keys of a database's results. */
  Map<String, Object> results() {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("gc_collector", collector);
    r.put("gc_pauses", pauses);
    r.put("gc_full_pauses", fullPauses);
    r.put("gc_pause_max_ms", Bench.round(maxMs));
    r.put("gc_pause_total_ms", Bench.round(totalMs));
    return r;
  }
}
