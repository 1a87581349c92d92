package org.guardian.monitoring;

import java.util.List;

/**
 * Keys, variables, messages and element ids of the process {@code monitoring} (监测预防) and of its
 * decisions {@code visit-cadence} and {@code early-warning}: one long-running instance per child,
 * business key = the child's file id.
 */
public final class Monitoring {

  public static final String KEY = "monitoring";

  public static final String DECISION_VISIT_CADENCE = "visit-cadence";
  public static final String DECISION_EARLY_WARNING = "early-warning";

  /** The message that re-evaluates the cadence after the child's categories or flags changed. */
  public static final String MSG_CHILD_FILE_CHANGED = "Msg_ChildFileChanged";
  /** The message that ends monitoring: the child moved to a village of another county. */
  public static final String MSG_CHILD_LEFT_COUNTY = "Msg_ChildLeftCounty";
  /** Thrown when a re-evaluation finds the child in no monitored category. */
  public static final String ESCALATION_NO_LONGER_MONITORED = "NoLongerMonitored";

  public static final String TASK_DECIDE_VISIT_CADENCE = "Task_DecideVisitCadence";
  public static final String TASK_SCHEDULE_VISIT = "Task_ScheduleVisit";
  public static final String SUBPROCESS_HOME_VISIT = "SubProcess_HomeVisit";
  public static final String TASK_HOME_VISIT = "Task_HomeVisit";
  public static final String TASK_OVERDUE_VISIT = "Task_OverdueVisit";
  public static final String TASK_ESCALATE_OVERDUE_VISIT = "Task_EscalateOverdueVisit";
  public static final String TASK_PHONE_CONTACT = "Task_PhoneContact";
  public static final String TASK_RECORD_VISIT = "Task_RecordVisit";
  public static final String TASK_EVALUATE_EARLY_WARNING = "Task_EvaluateEarlyWarning";
  public static final String TASK_RAISE_EARLY_WARNING = "Task_RaiseEarlyWarning";
  public static final String TASK_REPLACE_CAREGIVER = "Task_ReplaceCaregiver";
  public static final String TASK_RECORD_NEW_CAREGIVER = "Task_RecordNewCaregiver";
  public static final String TASK_REEVALUATE_CADENCE = "Task_ReevaluateCadence";
  public static final String TASK_RESCHEDULE_VISIT = "Task_RescheduleVisit";

  public static final String TIMER_VISIT_OVERDUE = "Timer_VisitOverdue";
  public static final String TIMER_VISIT_OVERDUE_SECOND = "Timer_VisitOverdueSecond";
  public static final String TIMER_PHONE_CONTACT_DUE = "Timer_PhoneContactDue";
  public static final String TIMER_AGED_OUT = "Timer_AgedOut";

  /** The timers whose dates follow the schedule, recalculated when the schedule changes. */
  public static final List<String> SCHEDULED_TIMERS = List.of(TIMER_VISIT_OVERDUE,
      TIMER_VISIT_OVERDUE_SECOND, TIMER_PHONE_CONTACT_DUE, TIMER_AGED_OUT);

  public static final String END_NOT_MONITORED = "EndEvent_NotMonitored";
  public static final String END_NO_LONGER_MONITORED = "EndEvent_MonitoringEndedNoCategory";
  public static final String END_LEFT_COUNTY = "EndEvent_LeftCounty";
  public static final String END_AGED_OUT = "EndEvent_AgedOut";
  public static final String END_VISIT_DONE = "EndEvent_VisitDone";
  public static final String END_VISIT_RESCHEDULED = "EndEvent_VisitRescheduled";
  public static final String END_CAREGIVER_REPLACED = "EndEvent_CaregiverReplaced";

  private Monitoring() {}

  /** Process variable names. */
  public static final class Var {
    public static final String CHILD_ID = "childId";
    /** True when the child is left-behind: the home visit asks about parents and caregiver. */
    public static final String LEFT_BEHIND = "leftBehind";
    /** When monitoring ends by age: the 16th birthday of a left-behind-only child, else the 18th. */
    public static final String AGE_OUT_DATE = "ageOutDate";
    /** False when the {@code visit-cadence} decision matched no rule. */
    public static final String MONITORED = "monitored";
    /** ISO-8601 period between visits, from the {@code visit-cadence} decision. */
    public static final String VISIT_INTERVAL = "visitInterval";
    /** The cadence in words for the forms (每周, 每月 …; workflow.DisplayTime). */
    public static final String VISIT_INTERVAL_LABEL = "visitIntervalLabel";
    public static final String PHONE_CONTACT_REQUIRED = "phoneContactRequired";
    /** ISO-8601 period from the first escalation of an overdue visit to the second. */
    public static final String SECOND_ESCALATION_AFTER = "secondEscalationAfter";
    /** The day the cycle is counted from: the last visit, or the day the file was created. */
    public static final String LAST_VISIT_DATE = "lastVisitDate";
    public static final String VISIT_DUE_DATE = "visitDueDate";
    /** The last day of the visit window, as text for the form (yyyy-MM-dd). */
    public static final String VISIT_DUE_DAY = "visitDueDay";
    public static final String VISIT_SECOND_DEADLINE = "visitSecondDeadline";
    public static final String PHONE_CONTACT_DATE = "phoneContactDate";
    public static final String VISIT_ID = "visitId";
    public static final String CURRENT_TOTAL = "currentTotal";
    public static final String PREVIOUS_TOTAL = "previousTotal";
    public static final String SCORE_DELTA = "scoreDelta";
    public static final String RISING_VISITS = "risingVisits";
    public static final String URGENT_ITEM = "urgentItem";
    public static final String CAREGIVER_INCAPABLE = "caregiverIncapable";
    /** Codes of the {@code early-warning} rules that fired, comma separated ("" when none). */
    public static final String WARNING_REASONS = "warningReasons";
    public static final String WARNING_ID = "warningId";

    /** Transient inputs of {@code visit-cadence}: enum names of the child's file. */
    public static final String CATEGORIES = "categories";
    public static final String RISK_FLAGS = "riskFlags";
    public static final String DIFFICULTY_KIND = "difficultyKind";

    private Var() {}
  }

  /** The outputs of the decision {@code visit-cadence}. */
  public static final class CadenceOutput {
    public static final String INTERVAL = "interval";
    public static final String PHONE_CONTACT_REQUIRED = "phoneContactRequired";
    public static final String SECOND_ESCALATION_AFTER = "secondEscalationAfter";

    private CadenceOutput() {}
  }

  /** The output of the decision {@code early-warning}. */
  public static final class WarningOutput {
    public static final String REASON = "reason";

    private WarningOutput() {}
  }
}
