package org.guardian.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;

/** The entrusted caregiver (委托照护人) named by parents who work away. */
@Embeddable
public class EntrustedCaregiver {

  @Column(name = "caregiver_name", length = 50)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "caregiver_relationship", length = 20)
  private Relationship relationship;

  @Column(name = "caregiver_phone", length = 20)
  private String phone;

  @Column(name = "caregiver_named_on")
  private LocalDate namedOn;

  @Column(name = "caregiver_last_weekly_contact")
  private LocalDate lastWeeklyContact;

  protected EntrustedCaregiver() {}

  public EntrustedCaregiver(String name, Relationship relationship, String phone,
      LocalDate namedOn, LocalDate lastWeeklyContact) {
    this.name = name;
    this.relationship = relationship;
    this.phone = phone;
    this.namedOn = namedOn;
    this.lastWeeklyContact = lastWeeklyContact;
  }

  public String getName() {
    return name;
  }

  public Relationship getRelationship() {
    return relationship;
  }

  public String getPhone() {
    return phone;
  }

  public LocalDate getNamedOn() {
    return namedOn;
  }

  public LocalDate getLastWeeklyContact() {
    return lastWeeklyContact;
  }
}
