package org.guardian.system;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * How much of a generated input space a harness run tries: a seeded sample by default, so that the
 * suite stays short on both databases and every run tries other inputs (the seed is printed;
 * {@code -Dguardian.harness.seed=<seed>} replays a run), or everything with {@code
 * -Dguardian.harness.full=true}.
 */
final class Sample {

  static final boolean FULL = Boolean.getBoolean("guardian.harness.full");
  static final long SEED = Long.getLong("guardian.harness.seed", System.currentTimeMillis());

  private Sample() {}

  /** {@code n} of the values (all of them in a full run), the same ones for the same seed. */
  static <T> List<T> of(List<T> values, int n, String key) {
    if (FULL || values.size() <= n) {
      return values;
    }
    List<T> copy = new ArrayList<>(values);
    Collections.shuffle(copy, new Random(SEED ^ key.hashCode()));
    return copy.subList(0, n);
  }

  static String describe() {
    return FULL ? "full run" : "sample, seed " + SEED + " (-Dguardian.harness.seed=" + SEED
        + " replays it, -Dguardian.harness.full=true tries every input)";
  }
}
