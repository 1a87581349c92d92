package org.guardian.registry;

public enum EconomicStatus {
  ORDINARY("一般家庭"),
  LOW_INCOME("低收入家庭"),
  SUBSISTENCE_ALLOWANCE("低保家庭"),
  EXTREME_POVERTY("特困供养家庭");

  private final String label;

  EconomicStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
