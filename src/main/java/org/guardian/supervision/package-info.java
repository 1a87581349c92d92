/**
 * Supervision: what supervisors and caseworkers use to see the work — shared Tasklist filters, the
 * dashboard, reports and exports.
 */
package org.guardian.supervision;
