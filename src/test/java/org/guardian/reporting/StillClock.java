package org.guardian.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.guardian.ProcessJobs;

/**
 * The engine clock held still at a whole second (so due dates compare exactly), moved forward only
 * by the test, running the instance's due jobs each time. Call {@link #reset()} after the test.
 */
final class StillClock {

  private final ProcessEngine engine;
  private Instant now;

  StillClock(ProcessEngine engine) {
    this.engine = engine;
    this.now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(now));
  }

  /** Moves the clock on and runs the jobs of the instance that are due by then. */
  void later(Duration d, ProcessInstance pi) {
    now = now.plus(d);
    ClockUtil.setCurrentTime(Date.from(now));
    ProcessJobs.run(engine, pi.getId());
  }

  void reset() {
    ClockUtil.reset();
  }
}
