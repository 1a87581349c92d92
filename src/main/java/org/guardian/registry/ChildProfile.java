package org.guardian.registry;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;

/**
 * What processes need to know of a child's file to decide on its monitoring: its area, birth date,
 * categories, risk flags and kind of difficulty, and the day the file was created. No name, no ID
 * number, no address.
 */
public record ChildProfile(long id, String villageCode, LocalDate birthDate,
    Set<Category> categories, Set<RiskFlag> riskFlags, DifficultyKind difficultyKind,
    LocalDate registeredOn) {

  public ChildProfile {
    categories = Set.copyOf(categories);
    riskFlags = Set.copyOf(riskFlags);
  }

  static ChildProfile of(Child child, ZoneId zone) {
    return new ChildProfile(child.getId(), child.getVillageCode(), child.getBirthDate(),
        new TreeSet<>(child.getCategories()), new TreeSet<>(child.getRiskFlags()),
        child.getDifficultyKind(), child.getCreatedAt().atZone(zone).toLocalDate());
  }
}
