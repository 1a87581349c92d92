package org.guardian.reporting;

import java.time.Instant;
import java.time.LocalDate;
import org.guardian.registry.Sex;

/** A report as authorised staff read it, with the case it belongs to. */
record ReportView(
    String number,
    ReportChannel channel,
    String channelLabel,
    ReportStatus status,
    Instant receivedAt,
    Instant acknowledgedAt,
    Reporter reporter,
    ReportedChild child,
    String location,
    Facts facts,
    String description,
    Detention detention,
    Long earlyWarningId,
    String caseNumber,
    CaseStatus caseStatus) {

  record Reporter(String user, boolean anonymous, String name, String phone,
      String organisationName, OrganisationType organisationType, String organisationTypeLabel,
      DutyType dutyType, String dutyTypeLabel) {}

  record ReportedChild(String name, String idNumber, LocalDate birthDate, Sex sex, Integer age,
      String villageCode, String townshipCode, String countyCode, Long childId,
      String matchedBy) {}

  record Facts(boolean injury, boolean sexualHarm, boolean abandonment, boolean noAdultCare,
      boolean violence, boolean neglect) {}

  record Detention(String personName, String relationship, LocalDate detainedOn) {}

  static ReportView of(Report r, CaseFile c) {
    ReportFacts f = r.getFacts();
    return new ReportView(r.getNumber(), r.getChannel(), r.getChannel().label(), r.getStatus(),
        r.getReceivedAt(),
        r.getAcknowledgedAt(),
        new Reporter(r.getReporterUser(), r.isAnonymous(), r.getReporterName(),
            r.getReporterPhone(), r.getOrganisationName(), r.getOrganisationType(),
            r.getOrganisationType() == null ? null : r.getOrganisationType().label(),
            r.getDutyType(), r.getDutyType() == null ? null : r.getDutyType().label()),
        new ReportedChild(r.getChildName(), r.getChildIdNumber(), r.getChildBirthDate(),
            r.getChildSex(), r.getChildAge(), r.getVillageCode(), r.getTownshipCode(),
            r.getCountyCode(), r.getChildId(), r.getMatchedBy()),
        r.getLocation(),
        new Facts(f.injury(), f.sexualHarm(), f.abandonment(), f.noAdultCare(), f.violence(),
            f.neglect()),
        r.getDescription(),
        r.getDetainedPersonName() == null ? null
            : new Detention(r.getDetainedPersonName(), r.getDetainedPersonRelationship(),
                r.getDetainedOn()),
        r.getEarlyWarningId(),
        c == null ? null : c.getNumber(),
        c == null ? null : c.getStatus());
  }
}
