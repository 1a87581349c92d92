package org.guardian.intervention;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guardian.common.FieldProblem;
import org.guardian.common.InvalidInputException;
import org.guardian.registry.ChildService;
import org.guardian.workflow.TaskNaming;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /children/{id}/documents}: the documents of a child's file as a page, for caseworkers
 * signed in to the webapps. Camunda Forms of this version have no file picker, so the task forms
 * link here (with the case number and the expected document type) to upload a court application,
 * a ruling, an order or a signed plan. Same rules as the API ({@link DocumentController}): readers
 * of the file list and download (each download audited), uploaders of the child's area upload
 * (audited); outside the area 404. Uploads carry Spring Security's CSRF token.
 */
@Controller
class DocumentPages {

  private static final String CASE_NUMBER = "GC-\\d{4}-\\d{6}";

  private final ChildDocuments documents;
  private final ChildService children;

  DocumentPages(ChildDocuments documents, ChildService children) {
    this.documents = documents;
    this.children = children;
  }

  @GetMapping("/children/{id:\\d{1,18}}/documents")
  String page(@PathVariable long id,
      @RequestParam(name = "case", required = false) String caseNumber,
      @RequestParam(name = "type", required = false) String type, Model model) {
    fill(model, id, caseNumber, type, List.of());
    return "documents";
  }

  @PostMapping(path = "/children/{id:\\d{1,18}}/documents",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  String upload(@PathVariable long id,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "type", required = false) String type,
      @RequestParam(name = "caseNumber", required = false) String caseNumber, Model model,
      RedirectAttributes redirect, HttpServletResponse response) throws IOException {
    boolean chosen = file != null && !file.isEmpty();
    try {
      DocumentView saved = documents.upload(id, type, caseNumber,
          chosen ? file.getOriginalFilename() : null, chosen ? file.getBytes() : null);
      redirect.addFlashAttribute("uploaded", saved.fileName());
      return "redirect:" + UriComponentsBuilder.fromPath("/children/{id}/documents")
          .queryParamIfPresent("case", Optional.ofNullable(saved.caseNumber()))
          .queryParam("type", saved.type().name())
          .buildAndExpand(id).encode(StandardCharsets.UTF_8).toUriString();
    } catch (InvalidInputException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      fill(model, id, caseNumber, type, e.problems());
      return "documents";
    }
  }

  @GetMapping("/children/{id:\\d{1,18}}/documents/{documentId:\\d{1,18}}")
  ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long documentId) {
    ChildDocument d = documents.download(id, documentId);
    return DocumentController.attachment(d);
  }

  /** A line of the list as shown: Chinese type, time in the county's zone, a readable size. */
  record Row(long id, String fileName, String typeLabel, String caseNumber, String uploadedBy,
      String uploadedAt, String size) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
        .withZone(ZoneId.of("Asia/Shanghai"));

    static Row of(DocumentView d) {
      long b = d.sizeBytes();
      String size = b >= 1024 * 1024 ? String.format("%.1f MB", b / 1048576.0)
          : b >= 1024 ? String.format("%.1f KB", b / 1024.0) : b + " 字节";
      return new Row(d.id(), d.fileName(), d.type().label(), d.caseNumber(), d.uploadedBy(),
          TIME.format(d.uploadedAt()), size);
    }
  }

  private void fill(Model model, long id, String caseNumber, String type,
      List<FieldProblem> problems) {
    List<DocumentView> list = documents.ofChild(id);
    String theCase = caseNumber != null && caseNumber.matches(CASE_NUMBER) ? caseNumber : null;
    model.addAttribute("childId", id);
    model.addAttribute("childLabel", children.processVariables(id).get(TaskNaming.CHILD_LABEL));
    model.addAttribute("caseNumber", theCase);
    model.addAttribute("documents", list.stream().map(Row::of).toList());
    model.addAttribute("types", DocumentType.values());
    model.addAttribute("selectedType", Arrays.stream(DocumentType.values())
        .filter(t -> t.name().equals(type)).findFirst().orElse(null));
    model.addAttribute("mayUpload", ChildDocuments.mayUpload());
    Map<String, String> errors = new LinkedHashMap<>();
    problems.forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + "；" + b));
    model.addAttribute("errors", errors);
  }
}
