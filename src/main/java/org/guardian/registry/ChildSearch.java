package org.guardian.registry;

/** Search criteria for children's files; each may be null. */
public record ChildSearch(String name, String idNumber, String area, Category category,
    RiskFlag flag, FileStatus fileStatus) {

  /** Names of the criteria given, for the audit log (never their values). */
  String criteriaNames() {
    StringBuilder b = new StringBuilder();
    append(b, "name", name);
    append(b, "idNumber", idNumber);
    append(b, "area", area);
    append(b, "category", category);
    append(b, "flag", flag);
    append(b, "fileStatus", fileStatus);
    return b.toString();
  }

  private static void append(StringBuilder b, String key, Object value) {
    if (value != null) {
      b.append(b.isEmpty() ? "" : ",").append(key);
    }
  }
}
