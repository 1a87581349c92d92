package org.guardian.assistance;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReferralRepository extends JpaRepository<Referral, Long> {

  List<Referral> findByCaseNumberOrderByIdAsc(String caseNumber);

  List<Referral> findByChildIdOrderByIdDesc(long childId);
}
