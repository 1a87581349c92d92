package org.guardian.monitoring;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * A scored item of a home visit: its section, the key of its field in the Camunda Form {@code
 * home-visit} and its label. Scores: 0 无问题, 1 轻微, 2 明显, 3 严重.
 */
public enum ScoreItem {
  FAMILY_ECONOMY(Section.FAMILY, "familyEconomy", "家庭经济状况"),
  FAMILY_HOUSING(Section.FAMILY, "familyHousing", "居住条件与安全"),
  FAMILY_CARE(Section.FAMILY, "familyCare", "监护人照料情况"),
  APPEARANCE_HYGIENE(Section.APPEARANCE, "appearanceHygiene", "衣着与个人卫生"),
  APPEARANCE_NUTRITION(Section.APPEARANCE, "appearanceNutrition", "营养与发育"),
  APPEARANCE_MOOD(Section.APPEARANCE, "appearanceMood", "精神面貌"),
  BEHAVIOUR_SCHOOL(Section.COMMUNITY_BEHAVIOUR, "behaviourSchool", "上学与学习情况"),
  BEHAVIOUR_CONDUCT(Section.COMMUNITY_BEHAVIOUR, "behaviourConduct", "日常行为表现"),
  BEHAVIOUR_RISK(Section.COMMUNITY_BEHAVIOUR, "behaviourRisk", "危险行为"),
  NEIGHBOUR_GET_ALONG(Section.NEIGHBOUR_RELATIONS, "neighbourGetAlong", "与邻里相处"),
  NEIGHBOUR_CONCERNS(Section.NEIGHBOUR_RELATIONS, "neighbourConcerns", "邻里反映的问题"),
  NEIGHBOUR_CONFLICT(Section.NEIGHBOUR_RELATIONS, "neighbourConflict", "家庭与邻里矛盾"),
  SUPPORT_RELATIVES(Section.SOCIAL_SUPPORT, "supportRelatives", "亲属支持不足"),
  SUPPORT_SCHOOL(Section.SOCIAL_SUPPORT, "supportSchool", "学校与老师支持不足"),
  SUPPORT_COMMUNITY(Section.SOCIAL_SUPPORT, "supportCommunity", "村（社区）与社会组织支持不足"),
  CONCERN_HEALTH(Section.KEY_CONCERNS, "concernHealth", "健康与就医"),
  CONCERN_PSYCH(Section.KEY_CONCERNS, "concernPsych", "心理与情绪"),
  CONCERN_SAFETY(Section.KEY_CONCERNS, "concernSafety", "人身安全");

  /** The lowest and highest score of an item. */
  public static final int MIN = 0;
  public static final int MAX = 3;

  private final Section section;
  private final String key;
  private final String label;

  ScoreItem(Section section, String key, String label) {
    this.section = section;
    this.key = key;
    this.label = label;
  }

  public Section section() {
    return section;
  }

  /** The key of the item's field in the home visit form (and its process variable). */
  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public static Stream<ScoreItem> ofSection(Section section) {
    return Arrays.stream(values()).filter(i -> i.section == section);
  }

  /** The highest total of a visit. */
  public static int maxTotal() {
    return values().length * MAX;
  }
}
