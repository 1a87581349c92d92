package org.guardian.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.guardian.people.Routing;
import org.guardian.registry.Sex;

/**
 * A mandatory report (强制报告) as received: who reported through which channel, the child as the
 * reporter described them, where, what was seen. Stored before anything else happens; then attached
 * to a case and acknowledged (受理).
 */
@Entity
@Table(name = "report")
class Report {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "report_seq")
  @SequenceGenerator(name = "report_seq", sequenceName = "report_seq", allocationSize = 50)
  private Long id;

  @Version
  private long version;

  @Column(nullable = false, length = 20, updatable = false)
  private String number;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20, updatable = false)
  private ReportChannel channel;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ReportStatus status;

  @Column(name = "received_at", nullable = false, updatable = false)
  private Instant receivedAt;

  @Column(name = "acknowledged_at")
  private Instant acknowledgedAt;

  @Column(name = "reporter_user", length = 64, updatable = false)
  private String reporterUser;

  @Column(nullable = false, updatable = false)
  private boolean anonymous;

  @Column(name = "reporter_name", length = 50, updatable = false)
  private String reporterName;

  @Column(name = "reporter_phone", length = 20, updatable = false)
  private String reporterPhone;

  @Column(name = "organisation_name", length = 100, updatable = false)
  private String organisationName;

  @Enumerated(EnumType.STRING)
  @Column(name = "organisation_type", length = 30, updatable = false)
  private OrganisationType organisationType;

  @Enumerated(EnumType.STRING)
  @Column(name = "duty_type", length = 20, updatable = false)
  private DutyType dutyType;

  @Column(name = "child_name", length = 50, updatable = false)
  private String childName;

  @Column(name = "child_id_number", length = 18, updatable = false)
  private String childIdNumber;

  @Column(name = "child_birth_date", updatable = false)
  private LocalDate childBirthDate;

  @Enumerated(EnumType.STRING)
  @Column(name = "child_sex", length = 10, updatable = false)
  private Sex childSex;

  @Column(name = "child_age", updatable = false)
  private Integer childAge;

  @Column(name = "village_code", length = 12, updatable = false)
  private String villageCode;

  @Column(name = "township_code", nullable = false, length = 9, updatable = false)
  private String townshipCode;

  @Column(name = "county_code", nullable = false, length = 6, updatable = false)
  private String countyCode;

  @Column(length = 200, updatable = false)
  private String location;

  @Embedded
  private ReportFacts facts;

  @Column(nullable = false, length = 2000, updatable = false)
  private String description;

  @Column(name = "detained_person_name", length = 50, updatable = false)
  private String detainedPersonName;

  @Column(name = "detained_person_relationship", length = 20, updatable = false)
  private String detainedPersonRelationship;

  @Column(name = "detained_on", updatable = false)
  private LocalDate detainedOn;

  @Column(name = "early_warning_id", updatable = false)
  private Long earlyWarningId;

  /** The closed case whose return visit found renewed risk and filed this report. */
  @Column(name = "follows_case_number", length = 20)
  private String followsCaseNumber;

  @Column(name = "child_id")
  private Long childId;

  @Column(name = "matched_by", length = 30)
  private String matchedBy;

  @Column(name = "case_id")
  private Long caseId;

  protected Report() {}

  Report(String number, NewReport r, Instant receivedAt) {
    this.number = number;
    this.channel = r.channel();
    this.status = ReportStatus.RECEIVED;
    this.receivedAt = receivedAt;
    this.reporterUser = r.reporterUser();
    this.anonymous = r.anonymous();
    this.reporterName = r.anonymous() ? null : blankToNull(r.reporterName());
    this.reporterPhone = r.anonymous() ? null : blankToNull(r.reporterPhone());
    this.organisationName = blankToNull(r.organisationName());
    this.organisationType = r.organisationType();
    this.dutyType = r.dutyType();
    this.childName = blankToNull(r.childName());
    this.childIdNumber = blankToNull(r.childIdNumber());
    this.childBirthDate = r.childBirthDate();
    this.childSex = r.childSex();
    this.childAge = r.childAge();
    this.villageCode = blankToNull(r.villageCode());
    this.townshipCode = villageCode != null ? Routing.township(villageCode) : r.townshipCode();
    this.countyCode = Routing.county(townshipCode);
    this.location = blankToNull(r.location());
    this.facts = r.facts();
    this.description = r.description().trim();
    if (r.detention() != null) {
      this.detainedPersonName = r.detention().personName();
      this.detainedPersonRelationship = r.detention().relationship();
      this.detainedOn = r.detention().detainedOn();
    }
    this.earlyWarningId = r.earlyWarningId();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  void matchChild(long childId, String by) {
    this.childId = childId;
    this.matchedBy = by;
  }

  void attachTo(long caseId) {
    this.caseId = caseId;
  }

  /** Acknowledges receipt (受理) once; later calls keep the first time. */
  boolean acknowledge(Instant at) {
    if (acknowledgedAt != null) {
      return false;
    }
    this.acknowledgedAt = at;
    this.status = ReportStatus.ACKNOWLEDGED;
    return true;
  }

  /** The area that decides who may read the report: the village if known, else the township. */
  String areaCode() {
    return villageCode != null ? villageCode : townshipCode;
  }

  Long getId() {
    return id;
  }

  String getNumber() {
    return number;
  }

  ReportChannel getChannel() {
    return channel;
  }

  ReportStatus getStatus() {
    return status;
  }

  Instant getReceivedAt() {
    return receivedAt;
  }

  Instant getAcknowledgedAt() {
    return acknowledgedAt;
  }

  String getReporterUser() {
    return reporterUser;
  }

  boolean isAnonymous() {
    return anonymous;
  }

  String getReporterName() {
    return reporterName;
  }

  String getReporterPhone() {
    return reporterPhone;
  }

  String getOrganisationName() {
    return organisationName;
  }

  OrganisationType getOrganisationType() {
    return organisationType;
  }

  DutyType getDutyType() {
    return dutyType;
  }

  String getChildName() {
    return childName;
  }

  String getChildIdNumber() {
    return childIdNumber;
  }

  LocalDate getChildBirthDate() {
    return childBirthDate;
  }

  Sex getChildSex() {
    return childSex;
  }

  Integer getChildAge() {
    return childAge;
  }

  String getVillageCode() {
    return villageCode;
  }

  String getTownshipCode() {
    return townshipCode;
  }

  String getCountyCode() {
    return countyCode;
  }

  String getLocation() {
    return location;
  }

  ReportFacts getFacts() {
    return facts;
  }

  String getDescription() {
    return description;
  }

  String getDetainedPersonName() {
    return detainedPersonName;
  }

  String getDetainedPersonRelationship() {
    return detainedPersonRelationship;
  }

  LocalDate getDetainedOn() {
    return detainedOn;
  }

  Long getEarlyWarningId() {
    return earlyWarningId;
  }

  Long getChildId() {
    return childId;
  }

  String getMatchedBy() {
    return matchedBy;
  }

  Long getCaseId() {
    return caseId;
  }

  void follows(String caseNumber) {
    this.followsCaseNumber = caseNumber;
  }

  String getFollowsCaseNumber() {
    return followsCaseNumber;
  }
}
