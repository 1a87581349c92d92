package org.guardian.registry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The content of a child's file as caseworkers submit it (create and full update). Field rules are
 * declared here; rules across fields (ID number against birth date and sex, area, category needs)
 * are checked by {@link ChildService}. On update {@code version} must be the version last read.
 */
public record ChildData(
    @NotBlank @Size(max = 50) String name,
    @NotNull Sex sex,
    @NotNull @PastOrPresent LocalDate birthDate,
    @NotBlank @Size(max = 18) String idNumber,
    @Size(max = 200) String address,
    @NotBlank @Pattern(regexp = "\\d{12}", message = "应为12位村（社区）行政区划代码") String villageCode,
    @NotEmpty Set<@NotNull Category> categories,
    DifficultyKind difficultyKind,
    Set<@NotNull RiskFlag> riskFlags,
    @Size(max = 100) String school,
    @Size(max = 10) List<@NotNull @Valid GuardianData> guardians,
    @Valid CaregiverData caregiver,
    @Valid HouseholdData household,
    @Min(0) Long version) {

  static final String PHONE = "^[0-9+\\-() ]{5,20}$";
  static final String PHONE_MESSAGE = "应为5至20位电话号码";

  /** A guardian as submitted. */
  public record GuardianData(
      @NotBlank @Size(max = 50) String name,
      @NotNull Relationship relationship,
      @NotNull GuardianshipCapacity capacity,
      @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
      Boolean worksAway,
      @PastOrPresent LocalDate worksAwaySince,
      @Size(max = 100) String worksAwayPlace) {}

  /** The entrusted caregiver as submitted. */
  public record CaregiverData(
      @NotBlank @Size(max = 50) String name,
      @NotNull Relationship relationship,
      @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
      @PastOrPresent LocalDate namedOn,
      @PastOrPresent LocalDate lastWeeklyContact) {}

  /** The household as submitted. */
  public record HouseholdData(
      @Min(1) @Max(30) Integer size,
      EconomicStatus economicStatus,
      @Size(max = 200) String registeredAddress,
      @Size(max = 1000) String notes) {}
}
