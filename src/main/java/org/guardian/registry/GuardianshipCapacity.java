package org.guardian.registry;

public enum GuardianshipCapacity {
  FULL("具备监护能力"),
  LIMITED("监护能力不足"),
  NONE("无监护能力");

  private final String label;

  GuardianshipCapacity(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
