package org.guardian.workflow;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls that Guardian makes on its own account (start or message a process, add a
 * candidate group, read decision history) without the engine authentication of the person whose
 * request or task completion triggered them. A delegate invoked while a person completes a task
 * through the engine REST API runs under that person's authentication, and Camunda's authorization
 * checks would then refuse (or silently filter) calls the person is not granted, although the
 * process itself is entitled to make them. The person's authentication is restored afterwards.
 */
@Component
public class SystemEngineCalls {

  private final IdentityService identity;

  SystemEngineCalls(IdentityService identity) {
    this.identity = identity;
  }

  public <T> T call(Supplier<T> work) {
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

  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }
}
