package org.guardian.monitoring;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls that monitoring makes on its own behalf (start an instance, correlate a
 * message, move a due date, recalculate a timer) without the engine authentication of whoever
 * caused them. A delegate runs under the authentication of the person who completed a task through
 * the engine REST API, and a child director may not, for example, recalculate a timer job: the
 * authentication is cleared for the call and restored after it.
 */
@Component
class SystemCalls {

  private final IdentityService identity;

  SystemCalls(IdentityService identity) {
    this.identity = identity;
  }

  <T> T call(Supplier<T> work) {
    Authentication current = identity.getCurrentAuthentication();
    if (current == null) {
      return work.get();
    }
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      identity.setAuthentication(current);
    }
  }

  void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }
}
