package org.guardian.policy;

import org.springframework.data.jpa.repository.JpaRepository;

/** The reports of migrations of running instances. */
interface PolicyMigrationRepository extends JpaRepository<PolicyMigration, Long> {}
