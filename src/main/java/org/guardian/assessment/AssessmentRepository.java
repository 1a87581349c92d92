package org.guardian.assessment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssessmentRepository extends JpaRepository<Assessment, Long> {

  List<Assessment> findByChildIdOrderByAssessedAtDescIdDesc(long childId);
}
