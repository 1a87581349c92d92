package org.guardian.intervention;

/** Keys, messages, element ids and variables of the process {@code guardianship-intervention}. */
public final class GuardianshipIntervention {

  public static final String KEY = "guardianship-intervention";

  /** The court's judgment on a revocation application (court/procuratorate liaison endpoint). */
  public static final String MSG_REVOCATION_DECIDED = "Msg_RevocationDecided";

  public static final String TASK_CHOOSE_MEASURE = "Task_ChooseMeasure";
  public static final String TASK_DISSUADE = "Task_DissuadeGuardian";
  public static final String TASK_ADMONITION = "Task_IssueAdmonition";
  public static final String TASK_GUIDANCE_ORDER = "Task_IssueGuidanceOrder";
  public static final String TASK_RECORD_ORDER = "Task_RecordOrder";
  public static final String TASK_SUPERVISION_ORDER = "Task_IssueSupervisionOrder";
  public static final String TIMER_COMPLIANCE_CHECK = "Timer_ComplianceCheckDue";
  public static final String TASK_CHECK_COMPLIANCE = "Task_CheckCompliance";
  public static final String TASK_APPLY_PROTECTION = "Task_ApplyProtectionOrder";
  public static final String TASK_PROTECTION_RULING = "Task_RecordProtectionRuling";
  public static final String TIMER_COURT_RULING_OVERDUE = "Timer_CourtRulingOverdue";
  public static final String TASK_ESCALATE_COURT_RULING = "Task_EscalateCourtRuling";
  public static final String TIMER_PROTECTION_EXPIRING = "Timer_ProtectionOrderExpiring";
  public static final String TASK_DECIDE_RENEWAL = "Task_DecideRenewal";
  public static final String TASK_APPLY_REVOCATION = "Task_ApplyRevocation";
  public static final String EVENT_REVOCATION_DECIDED = "Event_RevocationDecided";
  public static final String TASK_LONG_TERM = "Task_ArrangeLongTermGuardianship";
  public static final String TASK_RECORD_LONG_TERM = "Task_RecordLongTermGuardianship";
  public static final String END_LONG_TERM = "EndEvent_LongTermGuardianship";
  public static final String TASK_REVIEW_OUTCOME = "Task_ReviewMeasureOutcome";
  public static final String END_RESOLVED = "EndEvent_InterventionResolved";
  public static final String TASK_REASSESS = "Task_ReassessForRestoration";
  public static final String TASK_RESTORE = "Task_RestoreGuardianship";
  public static final String END_RESTORED = "EndEvent_GuardianshipRestored";

  private GuardianshipIntervention() {}

  /** Process variable names and values. */
  public static final class Var {
    public static final String CASE_NUMBER = "caseNumber";
    public static final String CHILD_ID = "childId";
    public static final String MEASURE = "measure";
    public static final String ORDER_ISSUER = "orderIssuer";
    public static final String ORDER_TERMS = "orderTerms";
    public static final String ORDER_ID = "orderId";
    public static final String COMPLIANCE = "compliance";
    public static final String PROTECTION_URGENT = "protectionUrgent";
    public static final String COURT_RULING_DUE = "courtRulingDue";
    /** The due time as Chinese text for the forms ({@link org.guardian.workflow.DisplayTime}). */
    public static final String COURT_RULING_DUE_LABEL = "courtRulingDueLabel";
    public static final String COURT_RULING = "courtRuling";
    public static final String DECISION_NUMBER = "decisionNumber";
    public static final String VALID_MONTHS = "validMonths";
    public static final String PROTECTION_VALID_UNTIL = "protectionValidUntil";
    public static final String PROTECTION_RENEWAL_DUE = "protectionRenewalDue";
    public static final String RENEW_PROTECTION = "renewProtection";
    public static final String LONG_TERM_PLACE = "longTermPlace";
    public static final String LONG_TERM_NOTE = "longTermNote";
    public static final String INTERVENTION_OUTCOME = "interventionOutcome";
    public static final String RESTORATION_SAFE = "restorationSafe";
    public static final String RESTORATION_NOTE = "restorationNote";
    public static final String PLACEMENT_ID = "placementId";
    public static final String PLACEMENT_TYPE = "placementType";

    public static final String PROTECTION_ORDER = "protection-order";
    public static final String REVOCATION = "revocation";
    public static final String GRANTED = "granted";
    public static final String REFUSED = "refused";

    private Var() {}
  }
}
