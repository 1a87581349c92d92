package org.guardian.intervention;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface InterventionOrderRepository extends JpaRepository<InterventionOrder, Long> {

  List<InterventionOrder> findByChildIdOrderByIssuedOnDescIdDesc(long childId);

  List<InterventionOrder> findByCaseNumberOrderByIdAsc(String caseNumber);
}
