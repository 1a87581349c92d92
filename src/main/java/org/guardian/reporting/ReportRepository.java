package org.guardian.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReportRepository extends JpaRepository<Report, Long> {

  /** JPQL, not derived: on every report's path (see {@link CaseRepository}). */
  @Query("select r from Report r where r.number = ?1")
  Optional<Report> findByNumber(String number);

  List<Report> findByCaseIdOrderByIdAsc(long caseId);

  boolean existsByEarlyWarningId(long earlyWarningId);

  /** Earlier reports about the child since a time (for "repeated reports"). */
  @Query("select count(r) from Report r where r.childId = ?1 and r.receivedAt >= ?2 and r.id <> ?3")
  long countEarlierAbout(long childId, Instant since, long reportId);

  List<Report> findByStatusAndReceivedAtBefore(ReportStatus status, Instant before);
}
