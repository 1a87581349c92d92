package org.guardian.audit;

/** What was done to a child's file (or to the system) that the audit log records. */
public enum AuditAction {
  CHILD_CREATED,
  CHILD_READ,
  CHILD_UPDATED,
  CHILD_SEARCHED,
  CHILD_HISTORY_READ,
  CHILD_ACCESS_DENIED,
  AUDIT_READ
}
