package org.guardian.emergency;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlacementRepository extends JpaRepository<Placement, Long> {

  List<Placement> findByChildIdOrderByDecidedAtDescIdDesc(long childId);

  List<Placement> findByCaseNumberAndChildIdIsNull(String caseNumber);
}
