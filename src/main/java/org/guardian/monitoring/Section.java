package org.guardian.monitoring;

/**
 * The six sections of the Yuhuan scoring scheme a home visit records, each scored by three items
 * from 0 (no concern) to 3 (serious concern): the higher the total, the higher the risk.
 */
public enum Section {
  FAMILY("家庭情况"),
  APPEARANCE("外观表现"),
  COMMUNITY_BEHAVIOUR("社区行为"),
  NEIGHBOUR_RELATIONS("邻里关系"),
  SOCIAL_SUPPORT("社会支持"),
  KEY_CONCERNS("重点关注");

  private final String label;

  Section(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The highest score of the section. */
  public int max() {
    return (int) ScoreItem.ofSection(this).count() * ScoreItem.MAX;
  }
}
