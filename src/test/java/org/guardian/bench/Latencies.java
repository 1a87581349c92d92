package org.guardian.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Latency samples of one kind of request, in milliseconds. */
final class Latencies {

  final String name;
  private final List<Double> samples = Collections.synchronizedList(new ArrayList<>());

  Latencies(String name) {
    this.name = name;
  }

  void add(long startNanos) {
    samples.add((System.nanoTime() - startNanos) / 1e6);
  }

  int count() {
    return samples.size();
  }

  /** The p-th percentile (nearest rank), NaN without samples. */
  double percentile(double p) {
    List<Double> sorted;
    synchronized (samples) {
      sorted = new ArrayList<>(samples);
    }
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  String summary() {
    return String.format(Locale.ROOT, "%s: n=%d p50=%.1f p95=%.1f p99=%.1f ms", name, count(),
        percentile(50), percentile(95), percentile(99));
  }
}
