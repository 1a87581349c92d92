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
}
