package org.guardian.reporting;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.guardian.registry.Sex;
import org.springframework.format.annotation.DateTimeFormat;

/** The public report page's form: everything about the reporter is optional (anonymous allowed). */
class PublicReportForm {

  @Size(max = 50)
  private String childName;
  private Sex childSex;
  @PastOrPresent
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate childBirthDate;
  @Min(0)
  @Max(17)
  private Integer childAge;
  @Size(max = 18)
  private String childIdNumber;
  @NotBlank(message = "请选择儿童所在的村（社区）或乡镇（街道）")
  @Pattern(regexp = "\\d{9}|\\d{12}", message = "请从列表中选择")
  private String area;
  @Size(max = 200)
  private String location;
  private boolean injury;
  private boolean sexualHarm;
  private boolean abandonment;
  private boolean noAdultCare;
  private boolean violence;
  private boolean neglect;
  @NotBlank(message = "请描述您发现的情况")
  @Size(min = 10, max = 2000, message = "请用10至2000个字描述")
  private String description;
  private boolean anonymous;
  @Size(max = 50)
  private String reporterName;
  @Pattern(regexp = "|" + ReportController.PHONE, message = ReportController.PHONE_MESSAGE)
  private String reporterPhone;

  /** A reporter who is not anonymous leaves a way to be called back. */
  @AssertTrue(message = "不匿名时请留下联系电话，以便核实情况；也可以选择匿名报告")
  public boolean isContactGivenUnlessAnonymous() {
    return anonymous || (reporterPhone != null && !reporterPhone.isBlank());
  }

  NewReport toReport() {
    boolean village = area != null && area.length() == 12;
    return new NewReport(ReportChannel.PUBLIC_PAGE, null, anonymous, reporterName, reporterPhone,
        null, null, DutyType.VOLUNTARY, childName, childIdNumber, childBirthDate, childSex,
        childAge, village ? area : null, village ? null : area, location,
        new ReportFacts(injury, sexualHarm, abandonment, noAdultCare, violence, neglect),
        description, null, null, null);
  }

  public String getChildName() {
    return childName;
  }

  public void setChildName(String childName) {
    this.childName = childName;
  }

  public Sex getChildSex() {
    return childSex;
  }

  public void setChildSex(Sex childSex) {
    this.childSex = childSex;
  }

  public LocalDate getChildBirthDate() {
    return childBirthDate;
  }

  public void setChildBirthDate(LocalDate childBirthDate) {
    this.childBirthDate = childBirthDate;
  }

  public Integer getChildAge() {
    return childAge;
  }

  public void setChildAge(Integer childAge) {
    this.childAge = childAge;
  }

  public String getChildIdNumber() {
    return childIdNumber;
  }

  public void setChildIdNumber(String childIdNumber) {
    this.childIdNumber = childIdNumber;
  }

  public String getArea() {
    return area;
  }

  public void setArea(String area) {
    this.area = area;
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location;
  }

  public boolean isInjury() {
    return injury;
  }

  public void setInjury(boolean injury) {
    this.injury = injury;
  }

  public boolean isSexualHarm() {
    return sexualHarm;
  }

  public void setSexualHarm(boolean sexualHarm) {
    this.sexualHarm = sexualHarm;
  }

  public boolean isAbandonment() {
    return abandonment;
  }

  public void setAbandonment(boolean abandonment) {
    this.abandonment = abandonment;
  }

  public boolean isNoAdultCare() {
    return noAdultCare;
  }

  public void setNoAdultCare(boolean noAdultCare) {
    this.noAdultCare = noAdultCare;
  }

  public boolean isViolence() {
    return violence;
  }

  public void setViolence(boolean violence) {
    this.violence = violence;
  }

  public boolean isNeglect() {
    return neglect;
  }

  public void setNeglect(boolean neglect) {
    this.neglect = neglect;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public boolean isAnonymous() {
    return anonymous;
  }

  public void setAnonymous(boolean anonymous) {
    this.anonymous = anonymous;
  }

  public String getReporterName() {
    return reporterName;
  }

  public void setReporterName(String reporterName) {
    this.reporterName = reporterName;
  }

  public String getReporterPhone() {
    return reporterPhone;
  }

  public void setReporterPhone(String reporterPhone) {
    this.reporterPhone = reporterPhone;
  }
}
