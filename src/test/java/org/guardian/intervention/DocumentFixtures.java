package org.guardian.intervention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Uploads documents to a child's file through the API, for tests of tasks that need them. */
public final class DocumentFixtures {

  /** The smallest file the content check recognises as a PDF. */
  public static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
      .getBytes(StandardCharsets.US_ASCII);

  private DocumentFixtures() {}

  /** POST /api/children/{id}/documents as the user; the answer as it came. */
  public static ResponseEntity<String> upload(TestRestTemplate rest, String user, long childId,
      String type, String caseNumber, String name, byte[] content) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    if (content != null) {
      parts.add("file", new ByteArrayResource(content) {
        @Override
        public String getFilename() {
          return name;
        }
      });
    }
    if (type != null) {
      parts.add("type", type);
    }
    if (caseNumber != null) {
      parts.add("caseNumber", caseNumber);
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, "demo").exchange("/api/children/" + childId + "/documents",
        HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
  }

  /** The legal officer files the court's decision for the case in the child's file. */
  public static void courtDecisionUploaded(TestRestTemplate rest, long childId,
      String caseNumber) {
    ResponseEntity<String> r = upload(rest, "legal", childId, "COURT_DECISION", caseNumber,
        "裁定书.pdf", PDF);
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
  }
}
