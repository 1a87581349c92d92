/**
 * Emergency handling (应急处置) of immediate cases: police protection, medical check, the placement
 * decision (relatives, entrusted caregiver, or temporary guardianship by the county centre on a
 * ground of Minor Protection Law art. 92), placements kept in the child's file, and the periodic
 * review of a temporary guardianship.
 */
package org.guardian.emergency;
