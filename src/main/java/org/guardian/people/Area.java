package org.guardian.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A county, township or village of the area tree. */
@Entity
@Table(name = "area")
public class Area {

  @Id
  @Column(length = 12)
  private String code;

  @Column(nullable = false, length = 60)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private AreaLevel level;

  @Column(name = "parent_code", length = 12)
  private String parentCode;

  protected Area() {}

  public Area(String code, String name, String parentCode) {
    this.code = code;
    this.name = name;
    this.level = AreaLevel.ofCode(code);
    if (level == null) {
      throw new IllegalArgumentException("malformed area code");
    }
    this.parentCode = parentCode;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public AreaLevel getLevel() {
    return level;
  }

  public String getParentCode() {
    return parentCode;
  }
}
