package org.guardian.emergency;

/** Keys, element ids and variables of the processes {@code emergency-response} and {@code placement-review}. */
public final class EmergencyResponse {

  public static final String KEY = "emergency-response";
  public static final String REVIEW_KEY = "placement-review";

  /** Ends a temporary guardianship from outside (part 2: long-term guardianship, restoration). */
  public static final String MSG_PLACEMENT_ENDED = "Msg_PlacementEnded";

  public static final String TASK_POLICE_PROTECTION = "Task_ArrangePoliceProtection";
  public static final String TIMER_POLICE_PROTECTION_OVERDUE = "Timer_PoliceProtectionOverdue";
  public static final String TASK_MEDICAL_CHECK = "Task_ArrangeMedicalCheck";
  public static final String TASK_DECIDE_PLACEMENT = "Task_DecidePlacement";
  public static final String TASK_START_REVIEW = "Task_StartPlacementReview";
  public static final String END_HANDLED = "EndEvent_EmergencyHandled";

  public static final String TASK_AWAIT_PLACEMENT_END = "Task_AwaitPlacementEnd";
  public static final String TIMER_REVIEW_DUE = "Timer_PlacementReviewDue";
  public static final String TASK_REVIEW_PLACEMENT = "Task_ReviewPlacement";

  private EmergencyResponse() {}

  /** Process variable names. */
  public static final class Var {
    public static final String CASE_NUMBER = "caseNumber";
    public static final String CHILD_ID = "childId";
    public static final String INJURY = "injury";
    public static final String PLACEMENT_TYPE = "placementType";
    public static final String STATUTORY_GROUND = "statutoryGround";
    public static final String CAREGIVER_NAME = "caregiverName";
    public static final String CAREGIVER_RELATIONSHIP = "caregiverRelationship";
    public static final String CAREGIVER_PHONE = "caregiverPhone";
    public static final String PLACEMENT_PLACE = "placementPlace";
    public static final String PLACEMENT_NOTE = "placementNote";
    public static final String PLACEMENT_ID = "placementId";
    public static final String REVIEW_OUTCOME = "placementReviewOutcome";
    public static final String REVIEW_NOTE = "placementReviewNote";

    public static final String RELATIVES = "relatives";
    public static final String ENTRUSTED_CAREGIVER = "entrusted-caregiver";
    public static final String TEMPORARY_GUARDIANSHIP = "temporary-guardianship";
    public static final String CONTINUE = "continue";
    public static final String END = "end";

    private Var() {}
  }
}
