package org.guardian.registry;

import java.time.LocalDate;

/**
 * The least other modules need to know of a child's file to attach work to it: its id, its village
 * (for routing) and its birth date (for age rules). No name, no ID number.
 */
public record ChildReference(long id, String villageCode, LocalDate birthDate) {

  static ChildReference of(Child child) {
    return new ChildReference(child.getId(), child.getVillageCode(), child.getBirthDate());
  }

  /** How a report found its child's file. */
  public enum MatchedBy {
    ID_NUMBER,
    NAME_BIRTH_DATE_VILLAGE
  }

  /** A file found for a report, and how it was found. */
  public record Match(ChildReference child, MatchedBy by) {}
}
