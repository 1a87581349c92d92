package org.guardian.intervention;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A document attached to the child's file; immutable once stored. */
@Entity
@Table(name = "child_document")
class ChildDocument {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "child_document_seq")
  @SequenceGenerator(name = "child_document_seq", sequenceName = "child_document_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "child_id", nullable = false, updatable = false)
  private Long childId;

  @Column(name = "case_number", length = 20, updatable = false)
  private String caseNumber;

  @Enumerated(EnumType.STRING)
  @Column(name = "doc_type", nullable = false, length = 30, updatable = false)
  private DocumentType type;

  @Column(name = "file_name", nullable = false, length = 200, updatable = false)
  private String fileName;

  @Column(name = "content_type", nullable = false, length = 100, updatable = false)
  private String contentType;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long sizeBytes;

  @Column(nullable = false, length = 64, updatable = false)
  private String sha256;

  @Basic(fetch = FetchType.LAZY)
  @JdbcTypeCode(SqlTypes.VARBINARY)
  @Column(nullable = false, updatable = false)
  private byte[] content;

  @Column(name = "uploaded_by", nullable = false, length = 64, updatable = false)
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false, updatable = false)
  private Instant uploadedAt;

  protected ChildDocument() {}

  ChildDocument(Long childId, String caseNumber, DocumentType type, String fileName,
      String contentType, byte[] content, String sha256, String uploadedBy, Instant uploadedAt) {
    this.childId = childId;
    this.caseNumber = caseNumber;
    this.type = type;
    this.fileName = fileName;
    this.contentType = contentType;
    this.sizeBytes = content.length;
    this.content = content;
    this.sha256 = sha256;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
  }

  Long getId() { return id; }
  Long getChildId() { return childId; }
  String getCaseNumber() { return caseNumber; }
  DocumentType getType() { return type; }
  String getFileName() { return fileName; }
  String getContentType() { return contentType; }
  long getSizeBytes() { return sizeBytes; }
  String getSha256() { return sha256; }
  byte[] getContent() { return content; }
  String getUploadedBy() { return uploadedBy; }
  Instant getUploadedAt() { return uploadedAt; }
}
