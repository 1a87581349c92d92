package org.guardian.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's clock follows the engine clock ({@link ClockUtil}), so that a process test that
 * moves the engine clock to fire a timer also moves "today" for the services. Days are counted in
 * the county's time zone; timers themselves are UTC instants.
 */
public class EngineClock extends Clock {

  private final ZoneId zone;

  public EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new EngineClock(zone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.now().toInstant();
  }
}
