package org.guardian.registry;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ChildRepository extends JpaRepository<Child, Long>, JpaSpecificationExecutor<Child> {

  Optional<Child> findByIdNumber(String idNumber);

  boolean existsByIdNumber(String idNumber);

  boolean existsByIdNumberAndIdNot(String idNumber, Long id);
}
