package org.guardian.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A child's file as the API shows it to an authorised caseworker. */
public record ChildView(
    long id,
    long version,
    String name,
    Sex sex,
    LocalDate birthDate,
    int age,
    String idNumber,
    String address,
    String villageCode,
    String townshipCode,
    String countyCode,
    String areaName,
    Set<Category> categories,
    DifficultyKind difficultyKind,
    Set<RiskFlag> riskFlags,
    String school,
    List<GuardianView> guardians,
    CaregiverView caregiver,
    HouseholdView household,
    FileStatus fileStatus,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy) {

  static ChildView of(Child c, String areaName, LocalDate today) {
    EntrustedCaregiver cg = c.getCaregiver();
    Household h = c.getHousehold();
    return new ChildView(c.getId(), c.getVersion(), c.getName(), c.getSex(), c.getBirthDate(),
        c.ageOn(today), c.getIdNumber(), c.getAddress(), c.getVillageCode(), c.getTownshipCode(),
        c.getCountyCode(), areaName, new TreeSet<>(c.getCategories()), c.getDifficultyKind(),
        new TreeSet<>(c.getRiskFlags()), c.getSchool(),
        c.getGuardians().stream().map(GuardianView::of).toList(),
        cg == null || cg.getName() == null ? null : CaregiverView.of(cg),
        h == null ? null : HouseholdView.of(h),
        c.getFileStatus(), c.getCreatedAt(), c.getCreatedBy(), c.getUpdatedAt(),
        c.getUpdatedBy());
  }

  /** A guardian as shown. */
  public record GuardianView(long id, String name, Relationship relationship,
      GuardianshipCapacity capacity, String phone, boolean worksAway, LocalDate worksAwaySince,
      String worksAwayPlace) {
    static GuardianView of(Guardian g) {
      return new GuardianView(g.getId(), g.getName(), g.getRelationship(), g.getCapacity(),
          g.getPhone(), g.isWorksAway(), g.getWorksAwaySince(), g.getWorksAwayPlace());
    }
  }

  /** The entrusted caregiver as shown. */
  public record CaregiverView(String name, Relationship relationship, String phone,
      LocalDate namedOn, LocalDate lastWeeklyContact) {
    static CaregiverView of(EntrustedCaregiver c) {
      return new CaregiverView(c.getName(), c.getRelationship(), c.getPhone(), c.getNamedOn(),
          c.getLastWeeklyContact());
    }
  }

  /** The household as shown. */
  public record HouseholdView(Integer size, EconomicStatus economicStatus,
      String registeredAddress, String notes) {
    static HouseholdView of(Household h) {
      return new HouseholdView(h.getSize(), h.getEconomicStatus(), h.getRegisteredAddress(),
          h.getNotes());
    }
  }

  /** One line of a search result: enough to pick the right child, no ID number. */
  public record Summary(long id, String name, Sex sex, LocalDate birthDate, int age,
      String villageCode, String areaName, Set<Category> categories, Set<RiskFlag> riskFlags,
      FileStatus fileStatus) {
    static Summary of(Child c, String areaName, LocalDate today) {
      return new Summary(c.getId(), c.getName(), c.getSex(), c.getBirthDate(), c.ageOn(today),
          c.getVillageCode(), areaName, new TreeSet<>(c.getCategories()),
          new TreeSet<>(c.getRiskFlags()), c.getFileStatus());
    }
  }
}
