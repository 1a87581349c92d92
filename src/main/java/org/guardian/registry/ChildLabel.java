package org.guardian.registry;

/**
 * A child's display label for task lists and dashboards, safe to show to anyone who may see the
 * task: the name masked to its first and last characters, the age and the village, e.g. "王*轩 8岁
 * 东庄村".
 */
public final class ChildLabel {

  private ChildLabel() {}

  public static String of(String name, int age, String villageName) {
    return mask(name) + " " + age + "岁" + (villageName == null || villageName.isBlank() ? ""
        : " " + villageName);
  }

  static String mask(String name) {
    if (name == null || name.isBlank()) {
      return "*";
    }
    int[] cps = name.trim().codePoints().toArray();
    if (cps.length == 1) {
      return new String(cps, 0, 1);
    }
    StringBuilder b = new StringBuilder().appendCodePoint(cps[0]);
    b.append("*".repeat(Math.max(1, cps.length - 2)));
    if (cps.length > 2) {
      b.appendCodePoint(cps[cps.length - 1]);
    }
    return b.toString();
  }
}
