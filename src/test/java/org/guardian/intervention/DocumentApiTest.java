package org.guardian.intervention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.guardian.TestChildren;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Documents in the child's file: upload with type and size checks, list, audited download. */
@GuardianTest
class DocumentApiTest {

  static final byte[] PDF = DocumentFixtures.PDF;

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();

  long child() {
    Api.Response r = Api.as(rest, "director-101201")
        .post("/api/children", TestChildren.leftBehind(TestChildren.VILLAGE_101201));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  ResponseEntity<String> upload(String user, long child, String type, String name,
      byte[] content) {
    return DocumentFixtures.upload(rest, user, child, type, "GC-2026-000123", name, content);
  }

  int documents(long child) {
    Integer n = jdbc.queryForObject("select count(*) from child_document where child_id = ?",
        Integer.class, child);
    return n == null ? 0 : n;
  }

  @Test
  void legalOfficerUploadsACourtDecisionThatReadersListAndDownloadWithAnAudit() throws Exception {
    long child = child();
    ResponseEntity<String> up = upload("legal", child, "COURT_DECISION", "判决书.pdf", PDF);
    assertThat(up.getStatusCode().value()).as(up.getBody()).isEqualTo(201);
    JsonNode doc = json.readTree(up.getBody());
    assertThat(doc.path("contentType").asText()).isEqualTo("application/pdf");
    assertThat(doc.path("sizeBytes").asLong()).isEqualTo(PDF.length);

    Api.Response list = Api.as(rest, "chief-101").get("/api/children/" + child + "/documents");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().get(0).path("fileName").asText()).isEqualTo("判决书.pdf");

    Integer before = jdbc.queryForObject(
        "select count(*) from audit_event where action = 'DOCUMENT_DOWNLOADED' and child_id = ?",
        Integer.class, child);
    ResponseEntity<byte[]> down = rest.withBasicAuth("director-101201", "demo").getForEntity(
        "/api/children/" + child + "/documents/" + doc.path("id").asLong(), byte[].class);
    assertThat(down.getStatusCode().value()).isEqualTo(200);
    assertThat(Arrays.equals(down.getBody(), PDF)).isTrue();
    assertThat(down.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    assertThat(down.getHeaders().getContentDisposition().getFilename()).isEqualTo("判决书.pdf");
    Integer after = jdbc.queryForObject(
        "select count(*) from audit_event where action = 'DOCUMENT_DOWNLOADED' and child_id = ?",
        Integer.class, child);
    assertThat(after).isEqualTo(before + 1);

    assertThat(rest.withBasicAuth("director-102201", "demo").getForEntity(
        "/api/children/" + child + "/documents/" + doc.path("id").asLong(), String.class)
        .getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void wrongTypeOrContentOrSizeIsRefusedAndNothingStored() throws Exception {
    long child = child();
    ResponseEntity<String> exe = upload("legal", child, "ORDER", "order.pdf",
        "MZ not a pdf".getBytes(StandardCharsets.US_ASCII));
    assertThat(exe.getStatusCode().value()).isEqualTo(400);
    assertThat(exe.getBody()).contains("\"file\"");
    ResponseEntity<String> badType = upload("legal", child, "SECRET", "a.pdf", PDF);
    assertThat(badType.getStatusCode().value()).isEqualTo(400);
    assertThat(badType.getBody()).contains("\"type\"");
    byte[] big = new byte[(int) ChildDocuments.MAX_BYTES + 1];
    System.arraycopy(PDF, 0, big, 0, PDF.length);
    ResponseEntity<String> tooBig = upload("legal", child, "ORDER", "big.pdf", big);
    assertThat(tooBig.getStatusCode().value()).isEqualTo(400);
    assertThat(tooBig.getBody()).contains("10MB");
    assertThat(documents(child)).isZero();
  }

  @Test
  void supervisorsReadButDoNotUploadAndOtherAreasDoNotSeeTheFile() {
    long child = child();
    assertThat(upload("supervisor", child, "ORDER", "a.pdf", PDF).getStatusCode().value())
        .isEqualTo(403);
    assertThat(upload("director-102201", child, "ORDER", "a.pdf", PDF).getStatusCode().value())
        .isEqualTo(404);
    assertThat(documents(child)).isZero();
  }
}
