package org.guardian.bench;

import java.util.List;
import java.util.function.Supplier;

/**
 * The walkers' waits: for the next task of a case, and for the number of the case a report was
 * routed to; each a look-up repeated until it finds what it waits for, at most a minute.
 */
final class TaskPolls {

  static final long WAIT_MS = 60_000;

  private TaskPolls() {}

  /**
   * Runs {@code lookUp} every {@code pauseMs} until it answers exactly one task and returns that
   * task; more than one, or none within {@link #WAIT_MS}, fails naming {@code what}. Each look-up
   * counts as a "task query request" of the {@link Breakdown}, the whole wait as "task found (with
   * polls)".
   */
  static <T> T awaitOne(Supplier<List<T>> lookUp, long pauseMs, Supplier<String> what) {
    long deadline = System.currentTimeMillis() + WAIT_MS;
    long t0 = System.nanoTime();
    int polls = 0;
    while (true) {
      long tq = System.nanoTime();
      List<T> found = lookUp.get();
      polls++;
      Breakdown.add("task query request", tq, 1);
      if (found.size() == 1) {
        Breakdown.add("task found (with polls)", t0, polls);
        return found.get(0);
      }
      if (found.size() > 1) {
        throw new IllegalStateException(found.size() + " tasks: " + what.get());
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("no task within " + WAIT_MS + " ms: " + what.get());
      }
      Bench.sleep(pauseMs);
    }
  }

  /**
   * Runs {@code lookUp} every {@code pauseMs} until it answers a text that is not blank and
   * returns it; none within {@link #WAIT_MS} fails naming {@code what}.
   */
  static String awaitText(Supplier<String> lookUp, long pauseMs, Supplier<String> what) {
    long deadline = System.currentTimeMillis() + WAIT_MS;
    while (true) {
      String text = lookUp.get();
      if (text != null && !text.isBlank()) {
        return text;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("nothing within " + WAIT_MS + " ms: " + what.get());
      }
      Bench.sleep(pauseMs);
    }
  }
}
