package org.guardian.intervention;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.guardian.audit.AuditAction;
import org.guardian.audit.AuditLog;
import org.guardian.common.FieldProblem;
import org.guardian.common.ForbiddenException;
import org.guardian.common.InvalidInputException;
import org.guardian.common.NotFoundException;
import org.guardian.people.CurrentUser;
import org.guardian.people.Role;
import org.guardian.registry.ChildService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents in the child's file: orders, court decisions, signed plans. Read access as to the file;
 * uploads by the caseworkers who write the file and legal officers; PDF, JPEG or PNG (recognised by
 * their content, not by the name or the declared type), at most 10 MB. Every upload and download is
 * audited (ids, type and size only).
 */
@Service
class ChildDocuments {

  static final long MAX_BYTES = 10L * 1024 * 1024;
  static final Role[] UPLOADERS = {Role.CHILD_DIRECTOR, Role.CHILD_SUPERVISOR, Role.STATION_CHIEF,
      Role.LEGAL_OFFICER, Role.COUNTY_CENTRE, Role.ADMIN};

  private final ChildDocumentRepository documents;
  private final ChildService children;
  private final AuditLog audit;
  private final Clock clock;

  ChildDocuments(ChildDocumentRepository documents, ChildService children, AuditLog audit,
      Clock clock) {
    this.documents = documents;
    this.children = children;
    this.audit = audit;
    this.clock = clock;
  }

  /** The content type recognised from the first bytes, or null. */
  static String sniff(byte[] b) {
    if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
      return "application/pdf";
    }
    if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8
        && (b[2] & 0xff) == 0xFF) {
      return "image/jpeg";
    }
    if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return "image/png";
    }
    return null;
  }

  @Transactional
  DocumentView upload(long childId, String type, String caseNumber, String fileName,
      byte[] content) {
    String village = children.requireReadable(childId, "documents");
    if (!mayUpload()) {
      throw new ForbiddenException("无权向儿童档案上传文件");
    }
    List<FieldProblem> problems = new ArrayList<>();
    DocumentType docType = null;
    try {
      docType = type == null ? null : DocumentType.valueOf(type);
    } catch (IllegalArgumentException e) {
      docType = null;
    }
    if (docType == null) {
      problems.add(new FieldProblem("type",
          "须为 ORDER、COURT_DECISION、COURT_APPLICATION、CASE_PLAN 或 OTHER"));
    }
    if (caseNumber != null && !caseNumber.isBlank() && !caseNumber.matches("GC-\\d{4}-\\d{6}")) {
      problems.add(new FieldProblem("caseNumber", "案件编号格式应为 GC-年份-6位数字"));
    }
    String contentType = null;
    if (content == null || content.length == 0) {
      problems.add(new FieldProblem("file", "请选择要上传的文件"));
    } else if (content.length > MAX_BYTES) {
      problems.add(new FieldProblem("file", "文件不能超过10MB"));
    } else {
      contentType = sniff(content);
      if (contentType == null) {
        problems.add(new FieldProblem("file", "只接受 PDF、JPEG 或 PNG 文件"));
      }
    }
    String name = fileName == null ? "" : fileName.replaceAll("^.*[/\\\\]", "").strip();
    if (name.isEmpty() || name.length() > 200) {
      problems.add(new FieldProblem("file", "文件名须为1至200个字符"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    ChildDocument d = new ChildDocument(childId,
        caseNumber == null || caseNumber.isBlank() ? null : caseNumber, docType, name,
        contentType, content, sha256(content), CurrentUser.get().id(), clock.instant());
    documents.saveAndFlush(d);
    audit.record(AuditAction.DOCUMENT_UPLOADED, childId, village,
        "document=" + d.getId() + "; type=" + docType + "; bytes=" + content.length);
    return DocumentView.of(d);
  }

  /** True if the signed-in person's role may upload (the area is checked with the child). */
  static boolean mayUpload() {
    return CurrentUser.get().hasAnyRole(UPLOADERS);
  }

  /**
   * True if a document of the type is in the child's file for the case, uploaded at or after the
   * given time. Asked on behalf of a process (a task that needs the document), so not audited as a
   * read: it reveals no content.
   */
  @Transactional(readOnly = true)
  boolean hasDocument(long childId, String caseNumber, DocumentType type, Instant since) {
    return documents.existsByChildIdAndCaseNumberAndTypeAndUploadedAtGreaterThanEqual(childId,
        caseNumber, type, since);
  }

  @Transactional
  List<DocumentView> ofChild(long childId) {
    children.requireReadable(childId, "documents");
    return documents.findByChildIdOrderByUploadedAtDescIdDesc(childId).stream()
        .map(DocumentView::of).toList();
  }

  /** The document with its content; audited as a download. */
  @Transactional
  ChildDocument download(long childId, long documentId) {
    String village = children.requireReadable(childId, "documents");
    ChildDocument d = documents.findByIdAndChildId(documentId, childId)
        .orElseThrow(() -> new NotFoundException("文件不存在"));
    audit.record(AuditAction.DOCUMENT_DOWNLOADED, childId, village,
        "document=" + documentId + "; type=" + d.getType());
    d.getContent();
    return d;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
