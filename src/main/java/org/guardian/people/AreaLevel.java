package org.guardian.people;

/**
 * Levels of the administrative area tree. Codes follow the national statistical division codes: a
 * county has 6 digits, a township 9 (county + 3), a village or community 12 (township + 3), so an
 * area contains another exactly when its code is a prefix of the other's.
 */
public enum AreaLevel {
  COUNTY(6, "县"),
  TOWNSHIP(9, "乡镇（街道）"),
  VILLAGE(12, "村（社区）");

  private final int codeLength;
  private final String label;

  AreaLevel(int codeLength, String label) {
    this.codeLength = codeLength;
    this.label = label;
  }

  public int codeLength() {
    return codeLength;
  }

  public String label() {
    return label;
  }

  /** The level a code of this length denotes, or null for a malformed code. */
  public static AreaLevel ofCode(String code) {
    if (code == null || !code.chars().allMatch(Character::isDigit)) {
      return null;
    }
    for (AreaLevel level : values()) {
      if (level.codeLength == code.length()) {
        return level;
      }
    }
    return null;
  }

  /** The code of the enclosing area at this level; {@code code} must be at this level or below. */
  public String truncate(String code) {
    if (code == null || code.length() < codeLength) {
      throw new IllegalArgumentException("area code too short for " + this);
    }
    return code.substring(0, codeLength);
  }
}
