package org.guardian.registry;

/** The sub-kind of a child in difficulty, (a) to (c) of the domain rules. */
public enum DifficultyKind {
  FAMILY_POVERTY("家庭经济困难"),
  OWN_DISABILITY("自身残疾"),
  GUARDIANSHIP_ABSENT_OR_IMPROPER("监护缺失或监护不当");

  private final String label;

  DifficultyKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
