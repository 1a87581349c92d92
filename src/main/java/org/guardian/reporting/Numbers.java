package org.guardian.reporting;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.Session;
import org.springframework.stereotype.Component;

/**
 * Readable numbers from database sequences, unique across concurrent requests and restarts: {@code
 * RP-<year>-<6 digits>} for reports, {@code GC-<year>-<6 digits>} for cases (the year of issue in
 * the county's time zone; the counter runs on across years).
 */
@Component
class Numbers {

  private final EntityManager entityManager;
  private final Clock clock;

  Numbers(EntityManager entityManager, Clock clock) {
    this.entityManager = entityManager;
    this.clock = clock;
  }

  String nextReportNumber() {
    return format("RP", next("report_number_seq"));
  }

  String nextCaseNumber() {
    return format("GC", next("case_number_seq"));
  }

  private String format(String prefix, long n) {
    return String.format("%s-%d-%06d", prefix, LocalDate.now(clock).getYear(), n);
  }

  private long next(String sequence) {
    String sql = entityManager.unwrap(Session.class).getFactory()
        .unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect()
        .getSequenceSupport().getSequenceNextValString(sequence);
    return ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue();
  }
}
