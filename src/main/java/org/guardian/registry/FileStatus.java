package org.guardian.registry;

/** Where a child's file stands in the registration review by the township's child supervisor. */
public enum FileStatus {
  PENDING_REVIEW("待审核"),
  RETURNED("退回补正"),
  REVIEWED("已审核");

  private final String label;

  FileStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
