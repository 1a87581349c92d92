package org.guardian.bench;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The walkers' waits: for the next task of a case, for the number of the case a report was routed
 * to, for the plan review's timer; each a look-up repeated until it finds what it waits for, at
 * most a minute.
 */
final class TaskPolls {

  static final long WAIT_MS = 60_000;

  private TaskPolls() {}

  /**
   * Runs {@code lookUp} every {@code pauseMs} until its answer is {@code found} and returns that
   * answer; none within {@link #WAIT_MS} fails naming {@code what}.
   */
  static <T> T until(Supplier<T> lookUp, Predicate<T> found, long pauseMs,
      Supplier<String> what) {
    long deadline = System.currentTimeMillis() + WAIT_MS;
    while (true) {
      T answer = lookUp.get();
      if (found.test(answer)) {
        return answer;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("nothing within " + WAIT_MS + " ms: " + what.get());
      }
      Bench.sleep(pauseMs);
    }
  }

  /**
   * {@link #until} the look-up answers exactly one task, which it returns; more than one fails
   * at once. Each look-up counts as a "task query request" of the {@link Breakdown}, the whole
   * wait as "task found (with polls)".
   */
  static <T> T awaitOne(Supplier<List<T>> lookUp, long pauseMs, Supplier<String> what) {
    long t0 = System.nanoTime();
    int[] polls = {0};
    List<T> found = until(() -> {
      long tq = System.nanoTime();
      List<T> answer = lookUp.get();
      polls[0]++;
      Breakdown.add("task query request", tq, 1);
      if (answer.size() > 1) {
        throw new IllegalStateException(answer.size() + " tasks: " + what.get());
      }
      return answer;
    }, answer -> answer.size() == 1, pauseMs, what);
    Breakdown.add("task found (with polls)", t0, polls[0]);
    return found.get(0);
  }

  /** {@link #until} the look-up answers a text that is not blank, which it returns. */
  static String awaitText(Supplier<String> lookUp, long pauseMs, Supplier<String> what) {
    return until(lookUp, text -> text != null && !text.isBlank(), pauseMs, what);
  }
}
