package org.guardian.assistance;

/** Keys, element ids and variables of the processes {@code assistance} and {@code referral}. */
public final class Assistance {

  public static final String KEY = "assistance";
  public static final String REFERRAL_KEY = "referral";

  public static final String TASK_DRAFT_PLAN = "Task_DraftCasePlan";
  public static final String TASK_RECORD_PLAN = "Task_RecordCasePlan";
  public static final String GATEWAY_HIGH_RISK = "Gateway_HighRisk";
  public static final String TASK_COLLECT = "Task_CollectCaseInformation";
  public static final String TASK_REVIEW_INFORMATION = "Task_ReviewCaseInformation";
  public static final String TASK_DIAGNOSE = "Task_DiagnoseCase";
  public static final String TASK_CONFERENCE = "Task_HoldCaseConference";
  public static final String TASK_DELIVER = "Task_DeliverServices";
  public static final String CALL_REFERRALS = "CallActivity_Referrals";
  public static final String TIMER_PLAN_REVIEW = "Timer_PlanReviewDue";
  public static final String TASK_REVIEW_PLAN = "Task_ReviewCasePlan";
  public static final String TASK_RECORD_PLAN_REVIEW = "Task_RecordPlanReview";
  public static final String END_COMPLETED = "EndEvent_AssistanceCompleted";
  public static final String TIMER_REASSESSMENT = "Timer_ReassessmentDue";
  public static final String CALL_REASSESSMENT = "CallActivity_Reassessment";

  public static final String TASK_SEND_REFERRAL = "Task_SendReferral";
  public static final String TASK_FOLLOW_UP_REFERRAL = "Task_FollowUpReferral";
  public static final String TIMER_REFERRAL_OVERDUE = "Timer_ReferralOverdue";
  public static final String TASK_ESCALATE_REFERRAL = "Task_EscalateReferral";
  public static final String TASK_CONFIRM_REFERRAL_DONE = "Task_ConfirmReferralDone";
  public static final String END_REFERRAL_DONE = "EndEvent_ReferralDone";
  public static final String END_REFERRAL_REJECTED = "EndEvent_ReferralRejected";

  private Assistance() {}

  /** Process variable names. */
  public static final class Var {
    public static final String CASE_NUMBER = "caseNumber";
    public static final String CHILD_ID = "childId";
    public static final String RISK_COLOUR = "riskColour";
    public static final String REASSESS_WITHIN_DAYS = "reassessWithinDays";
    public static final String PLAN_GOALS = "planGoals";
    public static final String PLAN_SERVICES = "planServices";
    public static final String PLAN_RESPONSIBLE = "planResponsible";
    public static final String PLAN_REVIEW_DAYS = "planReviewDays";
    public static final String CASE_PLAN_ID = "casePlanId";
    public static final String REFERRAL_DEPARTMENTS = "referralDepartments";
    public static final String REFERRAL_DUE_DAYS = "referralDueDays";
    public static final String PLAN_REVIEW_OUTCOME = "planReviewOutcome";
    public static final String PLAN_REVIEW_NOTE = "planReviewNote";

    public static final String DEPARTMENT = "department";
    public static final String REFERRAL_ID = "referralId";
    public static final String REFERRAL_DUE = "referralDue";
    /** The due time as Chinese text for the forms ({@link org.guardian.workflow.DisplayTime}). */
    public static final String REFERRAL_DUE_LABEL = "referralDueLabel";
    public static final String REFERRAL_ANSWER = "referralAnswer";
    public static final String REFERRAL_REJECT_REASON = "referralRejectReason";
    public static final String REFERRAL_NOTE = "referralNote";

    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";
    public static final String CONTINUE = "continue";
    public static final String ACHIEVED = "achieved";

    private Var() {}
  }
}
