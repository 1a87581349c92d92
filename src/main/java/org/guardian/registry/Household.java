package org.guardian.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** The child's household. */
@Embeddable
public class Household {

  @Column(name = "household_size")
  private Integer size;

  @Enumerated(EnumType.STRING)
  @Column(name = "household_economic_status", length = 30)
  private EconomicStatus economicStatus;

  @Column(name = "household_registered_address", length = 200)
  private String registeredAddress;

  @Column(name = "household_notes", length = 1000)
  private String notes;

  protected Household() {}

  public Household(Integer size, EconomicStatus economicStatus, String registeredAddress,
      String notes) {
    this.size = size;
    this.economicStatus = economicStatus;
    this.registeredAddress = registeredAddress;
    this.notes = notes;
  }

  public Integer getSize() {
    return size;
  }

  public EconomicStatus getEconomicStatus() {
    return economicStatus;
  }

  public String getRegisteredAddress() {
    return registeredAddress;
  }

  public String getNotes() {
    return notes;
  }
}
