package org.guardian.system;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One node at a time starts up on a shared PostgreSQL database. Several Guardian nodes started
 * together would otherwise race on what start-up writes once: the engine's schema (Camunda's
 * {@code schema-update} has no lock of its own), the demo people and children, and the monitoring
 * of children without one (which would start two instances for a child). The lock is a PostgreSQL
 * session-level advisory lock, taken before Flyway migrates and before the engine is built, and
 * released once the application is ready (after the demo data and the monitoring sweep), or by
 * PostgreSQL itself when the node dies. Flyway and the engine's deployment have locks of their own;
 * this one covers the rest. H2 (a file of one process) needs none.
 */
@Component
class StartupLock {

  private static final Logger log = LoggerFactory.getLogger(StartupLock.class);
  /** The advisory lock's key: "guardian" in ASCII. */
  static final long KEY = 0x677561726469616EL;

  private final DataSource dataSource;
  private Connection holder;
  private boolean released;

  StartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Waits until no other node is starting up, then holds the lock (once; later calls return). */
  synchronized void acquire() {
    if (holder != null || released) {
      return;
    }
    try {
      Connection c = dataSource.getConnection();
      if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
        c.close();
        released = true;
        return;
      }
      long waitingSince = System.nanoTime();
      try (Statement s = c.createStatement()) {
        s.execute("select pg_advisory_lock(" + KEY + ")");
      }
      holder = c;
      log.info("start-up lock taken after {} ms", (System.nanoTime() - waitingSince) / 1_000_000);
    } catch (SQLException e) {
      throw new IllegalStateException("start-up lock not taken", e);
    }
  }

  /**
   * The node is ready: the next one may start up. Also when the context closes (a start-up that
   * failed releases the lock at once, not only when its process ends).
   */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  @PreDestroy
  synchronized void release() {
    released = true;
    if (holder == null) {
      return;
    }
    try (Connection c = holder; Statement s = c.createStatement()) {
      s.execute("select pg_advisory_unlock(" + KEY + ")");
      log.info("start-up lock released");
    } catch (SQLException e) {
      log.warn("start-up lock not released cleanly ({}); it ends with the connection",
          e.getClass().getSimpleName());
    } finally {
      holder = null;
    }
  }
}
