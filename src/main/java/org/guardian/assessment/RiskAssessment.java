package org.guardian.assessment;

import java.util.List;

/** Keys, element ids and variables of the process {@code risk-assessment}. */
public final class RiskAssessment {

  public static final String KEY = "risk-assessment";
  public static final String DECISION = "guardianship-risk";
  public static final String DECISION_LEVEL = "guardianship-risk-level";

  public static final String TASK_COLLECT = "Task_CollectGuardianshipIndicators";
  public static final String TASK_REVIEW = "Task_ReviewGuardianshipIndicators";
  public static final String TASK_EVALUATE = "Task_EvaluateGuardianshipRisk";
  public static final String TASK_RECORD = "Task_RecordAssessment";
  public static final String TASK_CONFIRM = "Task_ConfirmRiskColour";
  public static final String TASK_REEVALUATE = "Task_ReevaluateGuardianshipRisk";
  public static final String TASK_RECORD_CONFIRMATION = "Task_RecordConfirmation";
  public static final String END_ASSESSED = "EndEvent_RiskAssessed";

  /** The indicators the child director collects, grouped as the six sections of the domain rules. */
  public static final List<String> INDICATORS = List.of(
      // family situation
      "guardianCapacity", "parentsAway", "householdPoverty", "domesticViolence",
      "guardianMisconduct",
      // physical appearance
      "visibleInjuries", "malnutritionOrNeglect", "seriousIllnessOrDisability",
      // behaviour in the community
      "behaviouralDeviation", "schoolDropout",
      // neighbour relations
      "neighbourConcerns",
      // social support
      "caregiverCapable", "parentContactWeekly", "socialSupport",
      // key concerns
      "childAloneWithoutCare", "sexualHarmSuspected", "abuseSuspected", "abandoned");

  private RiskAssessment() {}

  /** Process variable names. */
  public static final class Var {
    public static final String CASE_NUMBER = "caseNumber";
    public static final String CHILD_ID = "childId";
    public static final String INDICATOR_NOTE = "indicatorNote";
    public static final String INDICATOR_REVIEW = "indicatorReview";
    public static final String INDICATOR_REVIEW_COMMENT = "indicatorReviewComment";
    public static final String COMPUTED_COLOUR = "computedColour";
    public static final String RISK_COLOUR = "riskColour";
    public static final String RISK_REASON = "riskReason";
    public static final String REASSESS_WITHIN_DAYS = "reassessWithinDays";
    public static final String VISIT_EVERY_DAYS = "visitEveryDays";
    public static final String NEXT_STEP = "nextStep";
    public static final String CONFIRMED_COLOUR = "confirmedColour";
    public static final String COLOUR_OVERRIDE_REASON = "colourOverrideReason";
    public static final String COLOUR_CONFIRMED_BY = "colourConfirmedBy";
    public static final String ASSESSMENT_ID = "assessmentId";

    public static final String CONFIRMED = "confirmed";
    public static final String RETURNED = "returned";

    private Var() {}
  }
}
