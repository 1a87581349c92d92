package org.guardian.monitoring;

/**
 * An urgent finding of a home visit: any one of them flags the child at once (rule {@code
 * URGENT_ITEM} of the {@code early-warning} decision).
 */
public enum UrgentItem {
  VISIBLE_INJURY("urgentInjury", "可见外伤或疑似受到伤害"),
  BEHAVIOURAL_DEVIATION("urgentBehaviour", "严重行为偏差"),
  NO_ADULT_CARE("urgentNoAdultCare", "无成年人照料"),
  OUT_OF_SCHOOL("urgentOutOfSchool", "失学或辍学");

  private final String key;
  private final String label;

  UrgentItem(String key, String label) {
    this.key = key;
    this.label = label;
  }

  /** The key of the item's checkbox in the home visit form. */
  public String key() {
    return key;
  }

  public String label() {
    return label;
  }
}
