package org.guardian.registry;

/** The protected populations of the domain rules; a child may fall in several. */
public enum Category {
  LEFT_BEHIND("留守儿童"),
  IN_DIFFICULTY("困境儿童"),
  SCATTERED_ORPHAN("社会散居孤儿"),
  DE_FACTO_UNSUPPORTED("事实无人抚养儿童"),
  MIGRANT("流动儿童"),
  SINGLE_PARENT("农村单亲家庭儿童"),
  HIV_AFFECTED("受艾滋病影响儿童"),
  TEMPORARY_GUARDIANSHIP("临时监护儿童");

  private final String label;

  Category(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
