package org.guardian.registry;

public enum Relationship {
  FATHER("父亲"),
  MOTHER("母亲"),
  GRANDPARENT("祖父母或外祖父母"),
  SIBLING("兄弟姐妹"),
  OTHER_RELATIVE("其他亲属"),
  OTHER("其他");

  private final String label;

  Relationship(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
