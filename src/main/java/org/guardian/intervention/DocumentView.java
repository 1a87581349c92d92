package org.guardian.intervention;

import java.time.Instant;

/** A document of the child's file as listed (without its content). */
record DocumentView(long id, String caseNumber, DocumentType type, String fileName,
    String contentType, long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {

  static DocumentView of(ChildDocument d) {
    return new DocumentView(d.getId(), d.getCaseNumber(), d.getType(), d.getFileName(),
        d.getContentType(), d.getSizeBytes(), d.getSha256(), d.getUploadedBy(),
        d.getUploadedAt());
  }
}
