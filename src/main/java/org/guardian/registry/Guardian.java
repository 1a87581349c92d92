package org.guardian.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.envers.Audited;

/** A guardian of a child: a parent or another person with the duty of guardianship. */
@Entity
@Table(name = "guardian")
@Audited
public class Guardian {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "guardian_seq")
  @SequenceGenerator(name = "guardian_seq", sequenceName = "guardian_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "child_id", nullable = false)
  private Child child;

  @Column(nullable = false, length = 50)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Relationship relationship;

  @Enumerated(EnumType.STRING)
  @Column(name = "capacity", nullable = false, length = 20)
  private GuardianshipCapacity capacity;

  @Column(length = 20)
  private String phone;

  @Column(name = "works_away", nullable = false)
  private boolean worksAway;

  @Column(name = "works_away_since")
  private LocalDate worksAwaySince;

  @Column(name = "works_away_place", length = 100)
  private String worksAwayPlace;

  protected Guardian() {}

  Guardian(Child child, String name, Relationship relationship, GuardianshipCapacity capacity,
      String phone, boolean worksAway, LocalDate worksAwaySince, String worksAwayPlace) {
    this.child = child;
    this.name = name;
    this.relationship = relationship;
    this.capacity = capacity;
    this.phone = phone;
    this.worksAway = worksAway;
    this.worksAwaySince = worksAwaySince;
    this.worksAwayPlace = worksAwayPlace;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Relationship getRelationship() {
    return relationship;
  }

  public GuardianshipCapacity getCapacity() {
    return capacity;
  }

  public String getPhone() {
    return phone;
  }

  public boolean isWorksAway() {
    return worksAway;
  }

  public LocalDate getWorksAwaySince() {
    return worksAwaySince;
  }

  public String getWorksAwayPlace() {
    return worksAwayPlace;
  }
}
