package org.guardian.people;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The area tree: look-ups by code, the children of an area, and loading of a county's tree. */
@Service
public class Areas {

  private final AreaRepository repository;
  /** Areas change rarely and are read for every file shown: kept in memory once found. */
  private final Map<String, Area> known = new ConcurrentHashMap<>();

  Areas(AreaRepository repository) {
    this.repository = repository;
  }

  @Transactional(readOnly = true)
  public Optional<Area> find(String code) {
    if (code == null) {
      return Optional.empty();
    }
    Area cached = known.get(code);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Area> area = repository.findById(code);
    area.ifPresent(a -> known.put(code, a));
    return area;
  }

  /** True when the code names a known village (the level at which children are registered). */
  @Transactional(readOnly = true)
  public boolean isVillage(String code) {
    return find(code).map(a -> a.getLevel() == AreaLevel.VILLAGE).orElse(false);
  }

  @Transactional(readOnly = true)
  public List<Area> childrenOf(String code) {
    return repository.findByParentCodeOrderByCode(code);
  }

  /** The area and everything below it. */
  @Transactional(readOnly = true)
  public List<Area> subtree(String code) {
    return repository.findByCodeStartingWithOrderByCode(code);
  }

  @Transactional(readOnly = true)
  public List<Area> all(AreaLevel level) {
    return repository.findByLevelOrderByCode(level);
  }

  /** Adds the areas that are not there yet; existing codes are left as they are. */
  @Transactional
  public int addMissing(List<Area> areas) {
    Set<String> existing = repository.findAllById(areas.stream().map(Area::getCode).toList())
        .stream().map(Area::getCode).collect(Collectors.toSet());
    int added = 0;
    for (Area area : areas) {
      if (existing.add(area.getCode())) {
        repository.save(area);
        added++;
      }
    }
    return added;
  }
}
