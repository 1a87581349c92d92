package org.guardian.registry;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.guardian.people.Routing;
import org.hibernate.annotations.BatchSize;
import org.hibernate.envers.Audited;

/**
 * A child's file (一人一档): basic data, area, categories and risk flags, guardians, entrusted
 * caregiver and household. Every change is kept as an Envers revision.
 */
@Entity
@Table(name = "child")
@Audited
public class Child {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "child_seq")
  @SequenceGenerator(name = "child_seq", sequenceName = "child_seq", allocationSize = 50)
  private Long id;

  @Version
  private long version;

  @Column(nullable = false, length = 50)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Sex sex;

  @Column(name = "birth_date", nullable = false)
  private LocalDate birthDate;

  @Column(name = "id_number", nullable = false, unique = true, length = 18)
  private String idNumber;

  @Column(length = 200)
  private String address;

  @Column(name = "village_code", nullable = false, length = 12)
  private String villageCode;

  @Column(name = "township_code", nullable = false, length = 9)
  private String townshipCode;

  @Column(name = "county_code", nullable = false, length = 6)
  private String countyCode;

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "child_category", joinColumns = @JoinColumn(name = "child_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "category", nullable = false, length = 30)
  @BatchSize(size = 50)
  private Set<Category> categories = EnumSet.noneOf(Category.class);

  @Enumerated(EnumType.STRING)
  @Column(name = "difficulty_kind", length = 40)
  private DifficultyKind difficultyKind;

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "child_risk_flag", joinColumns = @JoinColumn(name = "child_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "flag", nullable = false, length = 30)
  @BatchSize(size = 50)
  private Set<RiskFlag> riskFlags = EnumSet.noneOf(RiskFlag.class);

  @Column(length = 100)
  private String school;

  @OneToMany(mappedBy = "child", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  @BatchSize(size = 50)
  private List<Guardian> guardians = new ArrayList<>();

  @Embedded
  private EntrustedCaregiver caregiver;

  @Embedded
  private Household household;

  @Enumerated(EnumType.STRING)
  @Column(name = "file_status", nullable = false, length = 20)
  private FileStatus fileStatus;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false, length = 64)
  private String createdBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 64)
  private String updatedBy;

  protected Child() {}

  Child(String idNumber, FileStatus fileStatus, Instant at, String by) {
    this.idNumber = idNumber;
    this.fileStatus = fileStatus;
    this.createdAt = at;
    this.createdBy = by;
    this.updatedAt = at;
    this.updatedBy = by;
  }

  /** Replaces the editable content of the file with the (validated) request. */
  void apply(ChildData data, Instant at, String by) {
    this.name = data.name().trim();
    this.sex = data.sex();
    this.birthDate = data.birthDate();
    this.idNumber = ResidentIdNumber.normalise(data.idNumber());
    this.address = data.address();
    this.villageCode = data.villageCode();
    this.townshipCode = Routing.township(data.villageCode());
    this.countyCode = Routing.county(data.villageCode());
    this.categories.clear();
    this.categories.addAll(data.categories());
    this.difficultyKind = data.difficultyKind();
    this.riskFlags.clear();
    if (data.riskFlags() != null) {
      this.riskFlags.addAll(data.riskFlags());
    }
    this.school = data.school();
    this.guardians.clear();
    if (data.guardians() != null) {
      for (ChildData.GuardianData g : data.guardians()) {
        this.guardians.add(new Guardian(this, g.name().trim(), g.relationship(), g.capacity(),
            g.phone(), Boolean.TRUE.equals(g.worksAway()), g.worksAwaySince(),
            g.worksAwayPlace()));
      }
    }
    ChildData.CaregiverData c = data.caregiver();
    this.caregiver = c == null ? null
        : new EntrustedCaregiver(c.name().trim(), c.relationship(), c.phone(), c.namedOn(),
            c.lastWeeklyContact());
    ChildData.HouseholdData h = data.household();
    this.household = h == null ? null
        : new Household(h.size(), h.economicStatus(), h.registeredAddress(), h.notes());
    this.updatedAt = at;
    this.updatedBy = by;
  }

  void replaceCaregiver(EntrustedCaregiver caregiver, Instant at, String by) {
    this.caregiver = caregiver;
    this.updatedAt = at;
    this.updatedBy = by;
  }

  void changeFileStatus(FileStatus status, Instant at, String by) {
    this.fileStatus = status;
    this.updatedAt = at;
    this.updatedBy = by;
  }

  /** Age in whole years on a day. */
  public int ageOn(LocalDate day) {
    return Period.between(birthDate, day).getYears();
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public String getName() {
    return name;
  }

  public Sex getSex() {
    return sex;
  }

  public LocalDate getBirthDate() {
    return birthDate;
  }

  public String getIdNumber() {
    return idNumber;
  }

  public String getAddress() {
    return address;
  }

  public String getVillageCode() {
    return villageCode;
  }

  public String getTownshipCode() {
    return townshipCode;
  }

  public String getCountyCode() {
    return countyCode;
  }

  public Set<Category> getCategories() {
    return categories;
  }

  public DifficultyKind getDifficultyKind() {
    return difficultyKind;
  }

  public Set<RiskFlag> getRiskFlags() {
    return riskFlags;
  }

  public String getSchool() {
    return school;
  }

  public List<Guardian> getGuardians() {
    return guardians;
  }

  public EntrustedCaregiver getCaregiver() {
    return caregiver;
  }

  public Household getHousehold() {
    return household;
  }

  public FileStatus getFileStatus() {
    return fileStatus;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }
}
