package org.guardian.reporting;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseRepository extends JpaRepository<CaseFile, Long> {

  Optional<CaseFile> findByOpenChildId(long childId);

  Optional<CaseFile> findByNumber(String number);
}
