package org.guardian.reporting;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The look-ups of every report's path are written as JPQL: Hibernate keeps the translation of a
 * query string, while a derived query is a criteria query, translated to SQL anew at each call
 * (docs/benchmarks.md, item 57).
 */
interface CaseRepository extends JpaRepository<CaseFile, Long> {

  @Query("select c from CaseFile c where c.openChildId = ?1")
  Optional<CaseFile> findByOpenChildId(long childId);

  @Query("select c from CaseFile c where c.number = ?1")
  Optional<CaseFile> findByNumber(String number);
}
