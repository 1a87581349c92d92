package org.guardian.reporting;

/** Where a guardianship case stands. */
enum CaseStatus {
  OPEN,
  /** Assessed; handed over to assistance and intervention (part 2). Still open. */
  HANDED_OVER,
  CLOSED,
  /** The child turned out to have another open case, into which this one was merged. */
  MERGED
}
