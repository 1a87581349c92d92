package org.guardian.intervention;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.guardian.TestChildren;
import org.guardian.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /children/{id}/documents}: the upload page the task forms link to, for caseworkers signed
 * in to the webapps: list, upload with the CSRF token, download; area and role checked as for the
 * API, every upload and download audited.
 */
@GuardianTest
class DocumentPagesTest {

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  long child;
  String childName;
  String caseNumber;
  String page;

  @BeforeEach
  void child() {
    Map<String, Object> body = TestChildren.leftBehind(TestChildren.VILLAGE_101201);
    childName = (String) body.get("name");
    Api.Response r = Api.as(rest, "director-101201").post("/api/children", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    child = r.json().path("id").asLong();
    caseNumber = "GC-9996-" + ThreadLocalRandom.current().nextInt(100000, 999999);
    page = "/children/" + child + "/documents";
  }

  int stored() {
    Integer n = jdbc.queryForObject("select count(*) from child_document where child_id = ?",
        Integer.class, child);
    return n == null ? 0 : n;
  }

  int audited(String action) {
    Integer n = jdbc.queryForObject(
        "select count(*) from audit_event where action = ? and child_id = ?", Integer.class,
        action, child);
    return n == null ? 0 : n;
  }

  HttpResponse<String> upload(WebSession session, String token, String type, String fileName,
      byte[] content) {
    return session.postMultipart(page, Map.of("_csrf", token, "type", type,
        "caseNumber", caseNumber), "file", fileName, "application/pdf", content);
  }

  @Test
  void legalOfficerUploadsTheCourtRulingFromTheTaskLinkAndReadersDownloadItAudited() {
    WebSession legal = WebSession.signedIn(port, "legal");
    HttpResponse<String> form = legal.get(page + "?case=" + caseNumber + "&type=COURT_DECISION");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("档案文件", "案件 <strong>" + caseNumber + "</strong>",
        "enctype=\"multipart/form-data\"", "<option value=\"COURT_DECISION\" selected=\"selected\">"
            + "法院裁定、判决</option>", "档案中还没有文件")
        .doesNotContain(childName);
    int uploads = audited("DOCUMENT_UPLOADED");

    HttpResponse<String> sent = upload(legal, WebSession.csrfToken(form.body()),
        "COURT_DECISION", "民事裁定书.pdf", DocumentFixtures.PDF);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    assertThat(sent.headers().firstValue("Location").orElse(""))
        .contains(page + "?case=" + caseNumber + "&type=COURT_DECISION");
    assertThat(stored()).isEqualTo(1);
    assertThat(jdbc.queryForObject("select case_number from child_document where child_id = ?",
        String.class, child)).isEqualTo(caseNumber);
    assertThat(audited("DOCUMENT_UPLOADED")).isEqualTo(uploads + 1);

    HttpResponse<String> after = legal.get(sent.headers().firstValue("Location").orElseThrow()
        .replaceFirst("^https?://[^/]+", ""));
    assertThat(after.body()).contains("已上传：<span>民事裁定书.pdf</span>",
        "<td>法院裁定、判决</td>", "<td>" + caseNumber + "</td>", "<td>legal</td>");

    Long id = jdbc.queryForObject("select id from child_document where child_id = ?",
        Long.class, child);
    int downloads = audited("DOCUMENT_DOWNLOADED");
    HttpResponse<byte[]> file = WebSession.signedIn(port, "director-101201")
        .download(page + "/" + id);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body()).isEqualTo(DocumentFixtures.PDF);
    assertThat(file.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
    assertThat(file.headers().firstValue("X-Content-Type-Options").orElse("")).isEqualTo("nosniff");
    assertThat(audited("DOCUMENT_DOWNLOADED")).isEqualTo(downloads + 1);
  }

  @Test
  void otherAreasSeeNothingAndCannotUpload() {
    WebSession own = WebSession.signedIn(port, "chief-101");
    String token = WebSession.csrfToken(own.get(page).body());
    WebSession other = WebSession.signedIn(port, "chief-102");
    assertThat(other.get(page).statusCode()).isEqualTo(404);
    String otherToken = WebSession.csrfToken(other.get("/login").body());
    assertThat(upload(other, otherToken, "ORDER", "a.pdf", DocumentFixtures.PDF).statusCode())
        .isEqualTo(404);
    assertThat(upload(own, token, "ORDER", "a.pdf", DocumentFixtures.PDF).statusCode())
        .isEqualTo(302);
    Long id = jdbc.queryForObject("select id from child_document where child_id = ?",
        Long.class, child);
    assertThat(other.download(page + "/" + id).statusCode()).isEqualTo(404);
    assertThat(stored()).isEqualTo(1);
  }

  @Test
  void supervisorsReadTheListButHaveNoUploadAndAForgedUploadIsRefused() {
    WebSession supervisor = WebSession.signedIn(port, "supervisor");
    HttpResponse<String> list = supervisor.get(page);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("不能上传").doesNotContain("type=\"file\"");
    String token = WebSession.csrfToken(supervisor.get("/login").body());
    assertThat(upload(supervisor, token, "ORDER", "a.pdf", DocumentFixtures.PDF).statusCode())
        .isEqualTo(403);
    assertThat(stored()).isZero();
  }

  @Test
  void uploadWithoutTheCsrfTokenOrWithAFileThatIsNotAPdfIsRefusedAndNothingStored() {
    WebSession chief = WebSession.signedIn(port, "chief-101");
    HttpResponse<String> form = chief.get(page + "?case=" + caseNumber);
    assertThat(upload(chief, "forged", "ORDER", "a.pdf", DocumentFixtures.PDF).statusCode())
        .isEqualTo(403);

    HttpResponse<String> bad = upload(chief, WebSession.csrfToken(form.body()), "ORDER",
        "a.pdf", "MZ this is a program".getBytes(StandardCharsets.US_ASCII));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("上传未成功", "只接受 PDF、JPEG 或 PNG 文件");
    assertThat(stored()).isZero();
  }
}
