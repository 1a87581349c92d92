package org.guardian.emergency;

/** Whether a placement still holds. */
enum PlacementStatus {
  ACTIVE,
  ENDED
}
