package org.guardian.monitoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface VisitRecordRepository extends JpaRepository<VisitRecord, Long> {

  /** The visits of a child, newest first. */
  List<VisitRecord> findByChildIdOrderByVisitedOnDescIdDesc(long childId);

  Optional<VisitRecord> findFirstByChildIdOrderByVisitedOnDescIdDesc(long childId);

  boolean existsByChildId(long childId);
}
