package org.guardian.audit;

/** What was done to a child's file (or to the system) that the audit log records. */
public enum AuditAction {
  CHILD_CREATED,
  CHILD_READ,
  CHILD_UPDATED,
  CHILD_SEARCHED,
  CHILD_HISTORY_READ,
  CHILD_ACCESS_DENIED,
  /** A home visit was recorded in the child's file (monitoring). */
  VISIT_RECORDED,
  /** The early warning flagged the child (monitoring); the detail names the rules, no data. */
  EARLY_WARNING_RAISED,
  /** A report was matched (or not) to a child's file; the detail says how, never on what. */
  CHILD_MATCHED,
  REPORT_RECEIVED,
  REPORT_READ,
  ASSESSMENT_RECORDED,
  PLACEMENT_RECORDED,
  AUDIT_READ,
  /** A policy team deployed revised models (BPMN, DMN, forms) through Guardian. */
  POLICY_DEPLOYED,
  /** A deployment was refused: the models broke the rules of docs/policy-guide.md. */
  POLICY_DEPLOYMENT_REFUSED,
  /** A dry run of a migration of running instances to a new process version. */
  POLICY_MIGRATION_CHECKED,
  /** Running instances were migrated to a new process version (a Camunda batch). */
  POLICY_MIGRATED,
  /** The supervisor dashboard of an area was shown (page or API); the detail names the period. */
  DASHBOARD_VIEWED,
  /** A list behind a dashboard figure was shown; the detail names the list and its size. */
  DASHBOARD_LIST_VIEWED,
  /** Someone without a supervising role asked for the dashboard. */
  DASHBOARD_ACCESS_DENIED,
  /** The monthly statistics or the annual report of an area was downloaded. */
  STATISTICS_EXPORTED,
  /** A child's file was exported for the national child welfare information system. */
  CHILD_EXPORTED,
  /**
   * The national JSON export of an area was downloaded (once per export, also when empty; each
   * child in it is recorded as {@link #CHILD_EXPORTED}).
   */
  NATIONAL_EXPORTED,
  /** A case plan was drafted or reviewed (assistance). */
  CASE_PLAN_RECORDED,
  /** A referral to a partner department was sent or changed state (assistance). */
  REFERRAL_RECORDED,
  /** A guardianship intervention order was recorded or changed status (intervention). */
  ORDER_RECORDED,
  /** A document was attached to the child's file. */
  DOCUMENT_UPLOADED,
  /** A document of the child's file was downloaded. */
  DOCUMENT_DOWNLOADED
}
