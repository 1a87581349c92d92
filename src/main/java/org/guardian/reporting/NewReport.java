package org.guardian.reporting;

import java.time.LocalDate;
import org.guardian.registry.Sex;

/** A report as a channel hands it to the intake, before it is checked and stored. */
record NewReport(
    ReportChannel channel,
    String reporterUser,
    boolean anonymous,
    String reporterName,
    String reporterPhone,
    String organisationName,
    OrganisationType organisationType,
    DutyType dutyType,
    String childName,
    String childIdNumber,
    LocalDate childBirthDate,
    Sex childSex,
    Integer childAge,
    String villageCode,
    String townshipCode,
    String location,
    ReportFacts facts,
    String description,
    Detention detention,
    Long earlyWarningId,
    Long knownChildId) {

  /** The parent's detention, for reports from police. */
  record Detention(String personName, String relationship, LocalDate detainedOn) {}
}
