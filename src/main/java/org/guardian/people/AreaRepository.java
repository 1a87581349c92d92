package org.guardian.people;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AreaRepository extends JpaRepository<Area, String> {

  List<Area> findByParentCodeOrderByCode(String parentCode);

  List<Area> findByCodeStartingWithOrderByCode(String prefix);

  List<Area> findByLevelOrderByCode(AreaLevel level);
}
