package org.guardian.system;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** On a failed test, prints the end of the output of the Guardian processes the test watched. */
final class NodeOutputOnFailure implements TestWatcher {

  private static final List<GuardianProcess> WATCHED = new CopyOnWriteArrayList<>();

  static void watch(GuardianProcess node) {
    WATCHED.add(node);
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    for (GuardianProcess node : WATCHED) {
      System.err.println("==== output of " + node.name() + " (full logs: " + node.logs() + ")");
      System.err.println(node.tail(80));
    }
  }
}
