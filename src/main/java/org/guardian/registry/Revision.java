package org.guardian.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/** A Hibernate Envers revision of children's files, with the person who made it. */
@Entity
@Table(name = "revision")
@RevisionEntity(RevisionAuthor.class)
class Revision {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "revision_seq")
  @SequenceGenerator(name = "revision_seq", sequenceName = "revision_seq", allocationSize = 1)
  @RevisionNumber
  private Long id;

  @RevisionTimestamp
  @Column(name = "rev_timestamp", nullable = false)
  private long timestamp;

  @Column(nullable = false, length = 64)
  private String author;

  Long getId() {
    return id;
  }

  long getTimestamp() {
    return timestamp;
  }

  String getAuthor() {
    return author;
  }

  void setAuthor(String author) {
    this.author = author;
  }
}
