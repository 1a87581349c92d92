package org.guardian.monitoring;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.hibernate.annotations.BatchSize;

/**
 * A home visit (入户走访) in the child's file: who was seen, the score of each item and section of
 * the Yuhuan scheme and the total, the urgent findings, and for left-behind children the parents'
 * weekly contact and the caregiver's capacity. Written once; never changed.
 */
@Entity
@Table(name = "visit_record")
class VisitRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "visit_record_seq")
  @SequenceGenerator(name = "visit_record_seq", sequenceName = "visit_record_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "child_id", nullable = false, updatable = false)
  private long childId;

  @Column(name = "village_code", nullable = false, updatable = false, length = 12)
  private String villageCode;

  @Column(name = "visited_on", nullable = false, updatable = false)
  private LocalDate visitedOn;

  /** The last day of the visit window (null for visits imported without a schedule). */
  @Column(name = "due_on", updatable = false)
  private LocalDate dueOn;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  @Column(name = "recorded_by", nullable = false, updatable = false, length = 64)
  private String recordedBy;

  @Column(name = "seen_child", nullable = false, updatable = false)
  private boolean seenChild;

  @Column(name = "seen_guardian", nullable = false, updatable = false)
  private boolean seenGuardian;

  @Column(name = "seen_caregiver", nullable = false, updatable = false)
  private boolean seenCaregiver;

  @Column(name = "seen_others", updatable = false, length = 200)
  private String seenOthers;

  @Column(name = "child_not_seen_reason", updatable = false, length = 500)
  private String childNotSeenReason;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "visit_score", joinColumns = @JoinColumn(name = "visit_id"))
  @MapKeyEnumerated(EnumType.STRING)
  @MapKeyColumn(name = "item", length = 30)
  @Column(name = "score", nullable = false)
  @BatchSize(size = 50)
  private Map<ScoreItem, Integer> scores = new EnumMap<>(ScoreItem.class);

  @Column(name = "score_family", nullable = false, updatable = false)
  private int scoreFamily;

  @Column(name = "score_appearance", nullable = false, updatable = false)
  private int scoreAppearance;

  @Column(name = "score_community_behaviour", nullable = false, updatable = false)
  private int scoreCommunityBehaviour;

  @Column(name = "score_neighbour_relations", nullable = false, updatable = false)
  private int scoreNeighbourRelations;

  @Column(name = "score_social_support", nullable = false, updatable = false)
  private int scoreSocialSupport;

  @Column(name = "score_key_concerns", nullable = false, updatable = false)
  private int scoreKeyConcerns;

  @Column(name = "total_score", nullable = false, updatable = false)
  private int totalScore;

  @Column(name = "urgent_injury", nullable = false, updatable = false)
  private boolean urgentInjury;

  @Column(name = "urgent_behaviour", nullable = false, updatable = false)
  private boolean urgentBehaviour;

  @Column(name = "urgent_no_adult_care", nullable = false, updatable = false)
  private boolean urgentNoAdultCare;

  @Column(name = "urgent_out_of_school", nullable = false, updatable = false)
  private boolean urgentOutOfSchool;

  @Column(name = "parents_weekly_contact", updatable = false)
  private Boolean parentsWeeklyContact;

  @Column(name = "caregiver_capable", updatable = false)
  private Boolean caregiverCapable;

  @Column(name = "caregiver_note", updatable = false, length = 1000)
  private String caregiverNote;

  @Column(name = "notes", updatable = false, length = 2000)
  private String notes;

  /** True for visits of an earlier system (or the demo) imported into the file. */
  @Column(name = "imported", nullable = false, updatable = false)
  private boolean imported;

  protected VisitRecord() {}

  VisitRecord(long childId, String villageCode, HomeVisitReport report, LocalDate dueOn,
      Instant recordedAt, String recordedBy, boolean imported) {
    this.childId = childId;
    this.villageCode = villageCode;
    this.visitedOn = report.visitedOn();
    this.dueOn = dueOn;
    this.recordedAt = recordedAt;
    this.recordedBy = recordedBy;
    this.seenChild = report.seenChild();
    this.seenGuardian = report.seenGuardian();
    this.seenCaregiver = report.seenCaregiver();
    this.seenOthers = report.seenOthers();
    this.childNotSeenReason = report.childNotSeenReason();
    this.scores.putAll(report.scores());
    this.scoreFamily = report.sectionScore(Section.FAMILY);
    this.scoreAppearance = report.sectionScore(Section.APPEARANCE);
    this.scoreCommunityBehaviour = report.sectionScore(Section.COMMUNITY_BEHAVIOUR);
    this.scoreNeighbourRelations = report.sectionScore(Section.NEIGHBOUR_RELATIONS);
    this.scoreSocialSupport = report.sectionScore(Section.SOCIAL_SUPPORT);
    this.scoreKeyConcerns = report.sectionScore(Section.KEY_CONCERNS);
    this.totalScore = report.total();
    this.urgentInjury = report.urgentItems().contains(UrgentItem.VISIBLE_INJURY);
    this.urgentBehaviour = report.urgentItems().contains(UrgentItem.BEHAVIOURAL_DEVIATION);
    this.urgentNoAdultCare = report.urgentItems().contains(UrgentItem.NO_ADULT_CARE);
    this.urgentOutOfSchool = report.urgentItems().contains(UrgentItem.OUT_OF_SCHOOL);
    this.parentsWeeklyContact = report.parentsWeeklyContact();
    this.caregiverCapable = report.caregiverCapable();
    this.caregiverNote = report.caregiverNote();
    this.notes = report.notes();
    this.imported = imported;
  }

  Long getId() {
    return id;
  }

  long getChildId() {
    return childId;
  }

  String getVillageCode() {
    return villageCode;
  }

  LocalDate getVisitedOn() {
    return visitedOn;
  }

  LocalDate getDueOn() {
    return dueOn;
  }

  /** Null when the visit had no due day. */
  Boolean onTime() {
    return dueOn == null ? null : !visitedOn.isAfter(dueOn);
  }

  Instant getRecordedAt() {
    return recordedAt;
  }

  String getRecordedBy() {
    return recordedBy;
  }

  boolean isSeenChild() {
    return seenChild;
  }

  boolean isSeenGuardian() {
    return seenGuardian;
  }

  boolean isSeenCaregiver() {
    return seenCaregiver;
  }

  String getSeenOthers() {
    return seenOthers;
  }

  String getChildNotSeenReason() {
    return childNotSeenReason;
  }

  Map<ScoreItem, Integer> getScores() {
    return scores;
  }

  int sectionScore(Section section) {
    return switch (section) {
      case FAMILY -> scoreFamily;
      case APPEARANCE -> scoreAppearance;
      case COMMUNITY_BEHAVIOUR -> scoreCommunityBehaviour;
      case NEIGHBOUR_RELATIONS -> scoreNeighbourRelations;
      case SOCIAL_SUPPORT -> scoreSocialSupport;
      case KEY_CONCERNS -> scoreKeyConcerns;
    };
  }

  int getTotalScore() {
    return totalScore;
  }

  Set<UrgentItem> urgentItems() {
    Set<UrgentItem> items = EnumSet.noneOf(UrgentItem.class);
    if (urgentInjury) {
      items.add(UrgentItem.VISIBLE_INJURY);
    }
    if (urgentBehaviour) {
      items.add(UrgentItem.BEHAVIOURAL_DEVIATION);
    }
    if (urgentNoAdultCare) {
      items.add(UrgentItem.NO_ADULT_CARE);
    }
    if (urgentOutOfSchool) {
      items.add(UrgentItem.OUT_OF_SCHOOL);
    }
    return items;
  }

  Boolean getParentsWeeklyContact() {
    return parentsWeeklyContact;
  }

  Boolean getCaregiverCapable() {
    return caregiverCapable;
  }

  String getCaregiverNote() {
    return caregiverNote;
  }

  String getNotes() {
    return notes;
  }

  boolean isImported() {
    return imported;
  }
}
