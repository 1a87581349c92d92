package org.guardian.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Whether any REVOKE authorization exists in the engine's database, known for a few seconds at a
 * time. With {@code authorizationCheckRevokes: auto} Camunda asks the database once per command
 * whether a REVOKE applies to the person ({@code selectRevokeAuthorization}): about 3 % of the
 * node's CPU in {@code bench/run --profile}, for a question whose answer in Guardian is "none"
 * (it writes only grants). With this watch the engine's authorization manager ({@link
 * EngineAtScale}) asks Camunda's question only while some REVOKE exists; whether one exists is
 * asked at most once per {@link #INTERVAL}. Once a REVOKE has been written through the engine on
 * this node, the node asks Camunda's question on every command again, as without the watch, until
 * it restarts (noted before the write commits, so that no look-up racing the commit can undo it;
 * REVOKEs are rare). One written on another node is seen here within the interval. {@code always}
 * and {@code never} keep their meaning.
 */
final class RevokeWatch {

  /** How long "no REVOKE anywhere" is believed before it is asked again. */
  static final Duration INTERVAL = Duration.ofSeconds(5);

  private final long intervalNanos;
  private final LongSupplier clock;
  /** When the answer below was last learnt (clock value); {@code Long.MIN_VALUE}: never. */
  private volatile long learntAt = Long.MIN_VALUE;
  private volatile boolean any = true;
  private volatile boolean written;
  private final AtomicLong questions = new AtomicLong();

  RevokeWatch() {
    this(INTERVAL, System::nanoTime);
  }

  RevokeWatch(Duration interval, LongSupplier clock) {
    this.intervalNanos = interval.toNanos();
    this.clock = clock;
  }

  /** Whether some REVOKE authorization may exist; asks the database if the answer is stale. */
  boolean anyRevoke(Connection connection) {
    if (written) {
      return true;
    }
    long now = clock.getAsLong();
    if (learntAt != Long.MIN_VALUE && now - learntAt < intervalNanos) {
      return any;
    }
    questions.incrementAndGet();
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("select case when exists (select ID_ from"
            + " ACT_RU_AUTHORIZATION where TYPE_ = 2) then 1 else 0 end")) {
      r.next();
      any = r.getInt(1) == 1;
      learntAt = now;
    } catch (SQLException e) {
      // not known: Camunda's own question is asked, as without the watch (on PostgreSQL the
      // failed statement has ended the transaction, and the command fails)
      return true;
    }
    return any;
  }

  /** A REVOKE is being written through this node's engine: checks apply revokes from now on. */
  void revokeWritten() {
    written = true;
  }

  /** How many times the database was asked (for tests). */
  long questions() {
    return questions.get();
  }
}
