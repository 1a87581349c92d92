package org.guardian.reporting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.guardian.people.CurrentUser;
import org.guardian.registry.Sex;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/reports}: mandatory reports from signed-in reporters, reports from police about the
 * children of a detained parent, and reading a report (authorised staff of the area only).
 */
@RestController
@RequestMapping("/api/reports")
@Validated
class ReportController {

  static final String PHONE = "^[0-9+\\-() ]{5,20}$";
  static final String PHONE_MESSAGE = "应为5至20位电话号码";
  static final String NUMBER = "RP-\\d{4}-\\d{6,}";

  private final ReportIntake intake;

  ReportController(ReportIntake intake) {
    this.intake = intake;
  }

  /** A report from a mandatory reporter or a caseworker. */
  record ReportRequest(
      @NotBlank @Size(max = 100) String organisationName,
      @NotNull OrganisationType organisationType,
      @NotNull DutyType dutyType,
      @Size(max = 50) String reporterName,
      @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String reporterPhone,
      @Size(max = 50) String childName,
      @Size(max = 18) String childIdNumber,
      @PastOrPresent LocalDate childBirthDate,
      Sex childSex,
      @Min(0) @Max(17) Integer childAge,
      @Pattern(regexp = "\\d{12}", message = "应为12位村（社区）行政区划代码") String villageCode,
      @Pattern(regexp = "\\d{9}", message = "应为9位乡镇（街道）行政区划代码") String townshipCode,
      @Size(max = 200) String location,
      Boolean injury,
      Boolean sexualHarm,
      Boolean abandonment,
      Boolean noAdultCare,
      Boolean violence,
      Boolean neglect,
      @NotBlank @Size(min = 10, max = 2000) String description) {

    NewReport toReport(String user) {
      return new NewReport(ReportChannel.REPORTER_API, user, false, reporterName, reporterPhone,
          organisationName, organisationType, dutyType, childName, childIdNumber, childBirthDate,
          childSex, childAge, villageCode, townshipCode, location,
          new ReportFacts(yes(injury), yes(sexualHarm), yes(abandonment), yes(noAdultCare),
              yes(violence), yes(neglect)),
          description, null, null, null);
    }
  }

  /** Police: a parent detained, and the children left behind (one report per child). */
  record DetainedParentRequest(
      @NotBlank @Size(max = 100) String policeUnit,
      @Size(max = 50) String officerName,
      @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String officerPhone,
      @NotBlank @Size(max = 50) String detainedPersonName,
      @NotBlank @Pattern(regexp = "FATHER|MOTHER|OTHER_GUARDIAN",
          message = "应为FATHER、MOTHER或OTHER_GUARDIAN") String relationship,
      @NotNull @PastOrPresent LocalDate detainedOn,
      @NotEmpty @Size(max = 10) List<@NotNull @Valid DetainedParentChild> children) {}

  /** A child of the detained parent, and whether another adult cares for them. */
  record DetainedParentChild(
      @Size(max = 50) String childName,
      @Size(max = 18) String childIdNumber,
      @PastOrPresent LocalDate childBirthDate,
      Sex childSex,
      @Min(0) @Max(17) Integer childAge,
      @Pattern(regexp = "\\d{12}", message = "应为12位村（社区）行政区划代码") String villageCode,
      @Pattern(regexp = "\\d{9}", message = "应为9位乡镇（街道）行政区划代码") String townshipCode,
      @Size(max = 200) String location,
      @NotNull Boolean otherCaregiverPresent,
      @NotBlank @Size(min = 10, max = 2000) String description) {}

  @PostMapping
  ResponseEntity<ReportIntake.Receipt> report(@RequestBody @Valid ReportRequest request) {
    ReportIntake.Receipt receipt = intake.fromReporter(request.toReport(CurrentUser.get().id()));
    return ResponseEntity.created(URI.create("/api/reports/" + receipt.number())).body(receipt);
  }

  @PostMapping("/detained-parent")
  ResponseEntity<List<ReportIntake.Receipt>> detainedParent(
      @RequestBody @Valid DetainedParentRequest request) {
    String user = CurrentUser.get().id();
    NewReport.Detention detention = new NewReport.Detention(request.detainedPersonName(),
        request.relationship(), request.detainedOn());
    List<NewReport> reports = request.children().stream().map(c -> new NewReport(
        ReportChannel.POLICE_DETENTION, user, false, request.officerName(),
        request.officerPhone(), request.policeUnit(), OrganisationType.POLICE, DutyType.OFFICIAL,
        c.childName(), c.childIdNumber(), c.childBirthDate(), c.childSex(), c.childAge(),
        c.villageCode(), c.townshipCode(), c.location(),
        new ReportFacts(false, false, false, !c.otherCaregiverPresent(), false, false),
        c.description(), detention, null, null)).toList();
    return ResponseEntity.status(HttpStatus.CREATED).body(intake.fromPolice(reports));
  }

  @GetMapping("/{number}")
  ReportView get(@PathVariable @Pattern(regexp = NUMBER, message = "应为报告编号，如RP-2026-000123")
      String number) {
    return intake.read(number);
  }

  private static boolean yes(Boolean b) {
    return Boolean.TRUE.equals(b);
  }
}
