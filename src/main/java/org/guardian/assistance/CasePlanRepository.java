package org.guardian.assistance;

import org.springframework.data.jpa.repository.JpaRepository;

interface CasePlanRepository extends JpaRepository<CasePlan, Long> {}
