package org.guardian.reporting;

/**
 * Keys, messages, element ids and variables of the process {@code guardianship-case}: one case per
 * child at a time, opened by a mandatory report (business key = the case number, {@code
 * GC-<year>-<6 digits>}).
 */
public final class GuardianshipCase {

  public static final String KEY = "guardianship-case";

  /** Starts a case: a stored report about a child without an open case. */
  public static final String MSG_REPORT_RECEIVED = "Msg_ReportReceived";
  /** Attaches a further report to the child's open case. */
  public static final String MSG_REPORT_ATTACHED = "Msg_ReportAttached";

  public static final String DECISION_RESPONSE_PRIORITY = "response-priority";

  public static final String TASK_ACKNOWLEDGE = "Task_AcknowledgeReport";
  public static final String TASK_EVALUATE_PRIORITY = "Task_EvaluateResponsePriority";
  public static final String TASK_TRIAGE = "Task_TriageReport";
  public static final String TIMER_TRIAGE_OVERDUE = "Timer_TriageOverdue";
  public static final String TIMER_TRIAGE_STILL_OVERDUE = "Timer_TriageStillOverdue";
  public static final String TASK_RECORD_TRIAGE = "Task_RecordTriage";
  public static final String CALL_EMERGENCY = "CallActivity_EmergencyResponse";
  public static final String TASK_REGISTER_CHILD = "Task_RegisterChild";
  public static final String TASK_LINK_CHILD = "Task_LinkChild";
  public static final String TASK_MERGE = "Task_MergeIntoOpenCase";
  public static final String CALL_RISK_ASSESSMENT = "CallActivity_RiskAssessment";
  public static final String TASK_HAND_OVER = "Task_HandOverCase";
  public static final String CALL_INTERVENTION = "CallActivity_GuardianshipIntervention";
  public static final String CALL_ASSISTANCE = "CallActivity_Assistance";
  public static final String TASK_APPROVE_CLOSURE = "Task_ApproveClosure";
  public static final String TASK_CLOSE_ASSISTED = "Task_CloseAssistedCase";
  public static final String TIMER_RETURN_VISIT = "Timer_ReturnVisitDue";
  public static final String TASK_RETURN_VISIT = "Task_ReturnVisit";
  public static final String TASK_REOPEN = "Task_ReopenCase";
  public static final String END_REOPENED = "EndEvent_CaseReopened";
  public static final String END_RETURN_VISITS_DONE = "EndEvent_ReturnVisitsDone";
  public static final String TASK_CLOSE = "Task_CloseCase";
  public static final String END_CLOSED = "EndEvent_CaseClosed";
  public static final String END_MERGED = "EndEvent_CaseMerged";
  public static final String SUB_ADDITIONAL_REPORT = "SubProcess_AdditionalReport";
  public static final String TASK_REVIEW_ADDITIONAL = "Task_ReviewAdditionalReport";
  public static final String CALL_ADDITIONAL_EMERGENCY = "CallActivity_AdditionalEmergency";

  private GuardianshipCase() {}

  /** Process variable names. */
  public static final class Var {
    public static final String CASE_ID = "caseId";
    public static final String CASE_NUMBER = "caseNumber";
    public static final String REPORT_ID = "reportId";
    public static final String REPORT_NUMBER = "reportNumber";
    public static final String CHANNEL = "channel";
    public static final String CHILD_ID = "childId";
    public static final String REPORT_SUMMARY = "reportSummary";

    // report facts, the inputs of response-priority
    public static final String INJURY = "injury";
    public static final String SEXUAL_HARM = "sexualHarm";
    public static final String ABANDONMENT = "abandonment";
    public static final String NO_ADULT_CARE = "noAdultCare";
    public static final String VIOLENCE = "violence";
    public static final String NEGLECT = "neglect";
    public static final String CHILD_UNDER_3 = "childUnder3";
    public static final String PRIOR_REPORTS = "priorReports";

    // response-priority outputs and triage
    public static final String COMPUTED_PRIORITY = "computedPriority";
    public static final String PRIORITY_REASON = "priorityReason";
    public static final String TRIAGE_WITHIN = "triageWithin";
    public static final String ESCALATE_AGAIN_AFTER = "escalateAgainAfter";
    public static final String TRIAGE_PRIORITY = "triagePriority";
    public static final String PRIORITY_OVERRIDE_REASON = "priorityOverrideReason";
    public static final String TRIAGE_DECISION = "triageDecision";
    public static final String TRIAGE_NOTE = "triageNote";

    public static final String PROCEED = "proceed";
    public static final String UNFOUNDED = "unfounded";

    // registration of an unmatched child
    public static final String REGISTERED_CHILD_ID = "registeredChildId";
    public static final String MERGE_INTO_CASE = "mergeIntoCase";

    // outcome of the risk assessment, handed over to part 2
    public static final String RISK_COLOUR = "riskColour";
    public static final String NEXT_STEP = "nextStep";

    // closure after part 2 and return visits
    public static final String CLOSURE_REASON = "closureReason";
    public static final String CLOSURE_OUTCOME = "closureOutcome";
    public static final String RETURN_VISITS_DONE = "returnVisitsDone";
    public static final String RENEWED_RISK = "renewedRisk";
    public static final String RETURN_VISIT_NOTE = "returnVisitNote";

    // an additional report, local to its event subprocess
    public static final String ADDITIONAL_REPORT_ID = "additionalReportId";
    public static final String ADDITIONAL_REPORT_NUMBER = "additionalReportNumber";
    public static final String ADDITIONAL_REPORT_SUMMARY = "additionalReportSummary";
    public static final String ADDITIONAL_REPORT_ACTION = "additionalReportAction";
    public static final String NOTED = "noted";
    public static final String EMERGENCY = "emergency";

    private Var() {}
  }

  /** The values of the response priority (outputs of {@code response-priority}). */
  public static final class Priority {
    public static final String IMMEDIATE = "immediate";
    public static final String WITHIN_24H = "within-24h";
    public static final String WITHIN_10D = "within-10d";

    private Priority() {}
  }
}
