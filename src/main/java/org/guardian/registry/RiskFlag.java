package org.guardian.registry;

/** Circumstances that raise a child's visit cadence. */
public enum RiskFlag {
  POOR_GUARDIANSHIP("监护不力"),
  SCHOOL_DROPOUT("辍学"),
  SERIOUS_ILLNESS("重病"),
  SEVERE_DISABILITY("重度残疾"),
  RUNAWAY_HISTORY("有离家出走经历"),
  PARENT_DISABLED("父母残疾"),
  PSYCH_BEHAVIOURAL_ANOMALY("心理或行为异常");

  private final String label;

  RiskFlag(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
