package org.guardian.registry;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface ChildRepository extends JpaRepository<Child, Long>, JpaSpecificationExecutor<Child> {

  /**
   * JPQL, not derived: on every report's path (the report matched to the child's file), and
   * Hibernate keeps the translation of a query string, not of a derived (criteria) query
   * (docs/benchmarks.md, item 57).
   */
  @Query("select c from Child c where c.idNumber = ?1")
  Optional<Child> findByIdNumber(String idNumber);

  List<Child> findByNameAndBirthDateAndVillageCode(String name, LocalDate birthDate,
      String villageCode);

  boolean existsByIdNumber(String idNumber);

  @Query("select c.idNumber from Child c where c.idNumber in :idNumbers")
  Set<String> findIdNumbersIn(Collection<String> idNumbers);

  boolean existsByIdNumberAndIdNot(String idNumber, Long id);

  @Query("select c.id from Child c order by c.id")
  List<Long> findAllIds();
}
