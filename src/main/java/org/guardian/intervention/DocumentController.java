package org.guardian.intervention;

import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/children/{id}/documents}: documents of the child's file (upload as multipart with
 * {@code file}, {@code type} and optional {@code caseNumber}; list; download).
 */
@RestController
@Validated
class DocumentController {

  private final ChildDocuments documents;

  DocumentController(ChildDocuments documents) {
    this.documents = documents;
  }

  @PostMapping(path = "/api/children/{id}/documents",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<DocumentView> upload(@PathVariable @Min(1) long id,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "type", required = false) String type,
      @RequestParam(name = "caseNumber", required = false) String caseNumber)
      throws IOException {
    DocumentView view = documents.upload(id, type, caseNumber,
        file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
    return ResponseEntity.created(URI.create("/api/children/" + id + "/documents/" + view.id()))
        .body(view);
  }

  @GetMapping("/api/children/{id}/documents")
  List<DocumentView> list(@PathVariable @Min(1) long id) {
    return documents.ofChild(id);
  }

  @GetMapping("/api/children/{id}/documents/{documentId}")
  ResponseEntity<byte[]> download(@PathVariable @Min(1) long id,
      @PathVariable @Min(1) long documentId) {
    ChildDocument d = documents.download(id, documentId);
    return attachment(d);
  }

  /** A document as a download: its own type, its name, never sniffed into something else. */
  static ResponseEntity<byte[]> attachment(ChildDocument d) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(d.getContentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(d.getFileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(d.getContent());
  }
}
