package org.guardian.monitoring;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface EarlyWarningRepository extends JpaRepository<EarlyWarning, Long> {

  /** The warnings of a child, newest first. */
  List<EarlyWarning> findByChildIdOrderByRaisedAtDescIdDesc(long childId);
}
