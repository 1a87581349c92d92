package org.guardian.reporting;

/** Where a report stands. */
enum ReportStatus {
  /** Stored; not yet attached to a case (the routing is retried). */
  RECEIVED,
  /** Attached to a case and acknowledged (受理). */
  ACKNOWLEDGED
}
