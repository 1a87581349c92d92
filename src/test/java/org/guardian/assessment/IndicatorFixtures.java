package org.guardian.assessment;

import java.util.LinkedHashMap;
import java.util.Map;

/** Indicator sets for the guardianship-risk assessment, one per colour. */
public final class IndicatorFixtures {

  private IndicatorFixtures() {}

  /** A family without any indicator of risk: green. */
  public static Map<String, Object> noRisk() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("guardianCapacity", "full");
    v.put("parentsAway", "none");
    v.put("householdPoverty", false);
    v.put("domesticViolence", false);
    v.put("guardianMisconduct", false);
    v.put("visibleInjuries", false);
    v.put("malnutritionOrNeglect", false);
    v.put("seriousIllnessOrDisability", false);
    v.put("behaviouralDeviation", false);
    v.put("schoolDropout", false);
    v.put("neighbourConcerns", false);
    v.put("caregiverCapable", true);
    v.put("parentContactWeekly", true);
    v.put("socialSupport", "strong");
    v.put("childAloneWithoutCare", false);
    v.put("sexualHarmSuspected", false);
    v.put("abuseSuspected", false);
    v.put("abandoned", false);
    return v;
  }

  /** The indicators of a family assessed as the colour (red, yellow, blue or green). */
  public static Map<String, Object> forColour(String colour) {
    Map<String, Object> v = noRisk();
    switch (colour) {
      case "red" -> v.put("sexualHarmSuspected", true);
      case "yellow" -> v.put("domesticViolence", true);
      case "blue" -> v.put("schoolDropout", true);
      case "green" -> { }
      default -> throw new IllegalArgumentException(colour);
    }
    return v;
  }

  /** The indicators as the child director submits them. */
  public static Map<String, Object> collected(String colour) {
    Map<String, Object> v = forColour(colour);
    v.put("indicatorNote", "入户走访，与祖母和儿童分别交谈。");
    return v;
  }

  /** The review of the indicators: confirmed. */
  public static Map<String, Object> confirmed(String colour) {
    Map<String, Object> v = forColour(colour);
    v.put("indicatorReview", "confirmed");
    return v;
  }
}
