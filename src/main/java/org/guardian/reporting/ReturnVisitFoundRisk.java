package org.guardian.reporting;

/** A return visit (事后回访) after the closure of a case found renewed risk for the child. */
record ReturnVisitFoundRisk(String caseNumber, Long childId, String villageCode, String note) {}
