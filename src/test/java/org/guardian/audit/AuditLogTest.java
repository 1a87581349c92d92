package org.guardian.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.guardian.TestChildren;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Every read and change of a child's file is in the audit log, listed to authorised supervisors. */
@GuardianTest
class AuditLogTest {

  @Autowired TestRestTemplate rest;
  @Autowired AuditLog audit;
  @Autowired EntityManager entityManager;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcTemplate jdbc;

  /**
   * An export's entry per file is written in the caller's transaction a batch at a time, and the
   * persistence context lets each batch go: it holds at most a batch however many files there
   * are (a county's national export: 100,000).
   */
  @Test
  void manyFilesAuditedTogetherAreWrittenABatchAtATimeAndNotHeldUntilTheCommit() {
    String detail = "test-record-each-" + UUID.randomUUID();
    Map<Long, String> files = new LinkedHashMap<>();
    for (long id = 1; id <= 2 * AuditLog.BATCH + 3; id++) {
      files.put(-id, "371330101201");
    }
    int held = new TransactionTemplate(transactions).execute(tx -> {
      audit.recordEach(AuditAction.CHILD_EXPORTED, files, detail);
      return entityManager.unwrap(Session.class).getStatistics().getEntityCount();
    });
    assertThat(held).isLessThanOrEqualTo(AuditLog.BATCH);
    assertThat(jdbc.queryForObject("select count(*) from audit_event where detail = ? and "
        + "action = 'CHILD_EXPORTED' and area_code = '371330101201' and child_id < 0",
        Long.class, detail)).isEqualTo(files.size());
  }

  List<String> actions(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.path("items").forEach(e -> out.add(e.path("actor").asText() + ":"
        + e.path("action").asText()));
    return out;
  }

  @Test
  void readsAndChangesOfAFileAreAuditedWithWhoWhenAndWhat() {
    Api director = Api.as(rest, "director-101201");
    Map<String, Object> body = TestChildren.leftBehind(TestChildren.VILLAGE_101201);
    JsonNode created = director.post("/api/children", body).json();
    long id = created.path("id").asLong();
    Api.as(rest, "csup-101").get("/api/children/" + id);
    body.put("school", "青溪县第一中学");
    body.put("version", created.path("version").asLong());
    assertThat(director.put("/api/children/" + id, body).status()).isEqualTo(200);
    Api.as(rest, "chief-101").get("/api/children/" + id + "/history");
    Api.as(rest, "director-102201").get("/api/children/" + id); // out of area: refused

    Api.Response log = Api.as(rest, "supervisor").get("/api/audit?childId=" + id);

    assertThat(log.status()).as(log.toString()).isEqualTo(200);
    assertThat(actions(log.json())).contains(
        "director-101201:CHILD_CREATED", "csup-101:CHILD_READ", "director-101201:CHILD_UPDATED",
        "chief-101:CHILD_HISTORY_READ", "director-102201:CHILD_ACCESS_DENIED");
    log.json().path("items").forEach(e -> {
      assertThat(e.path("at").asText()).isNotBlank();
      assertThat(e.path("areaCode").asText()).isEqualTo("371330101201");
    });
    JsonNode update = null;
    for (JsonNode e : log.json().path("items")) {
      if (e.path("action").asText().equals("CHILD_UPDATED")) {
        update = e;
      }
    }
    assertThat(update.path("detail").asText()).isEqualTo("fields=school");
    assertThat(log.text()).doesNotContain((String) body.get("name"))
        .doesNotContain((String) body.get("idNumber"));
  }

  @Test
  void searchesAreAuditedWithTheCriteriaNamesAndResultIdsButNotTheValues() {
    Api.as(rest, "csup-102").get("/api/children?name=王&size=5");
    JsonNode log = Api.as(rest, "demo")
        .get("/api/audit?actor=csup-102&action=CHILD_SEARCHED&size=1").json();
    String detail = log.path("items").get(0).path("detail").asText();
    assertThat(detail).startsWith("criteria=name; results=").contains("ids=")
        .doesNotContain("王");
  }

  @Test
  void onlySupervisorsListTheAuditLogAndOnlyForTheirArea() {
    JsonNode created = Api.as(rest, "director-102201")
        .post("/api/children", TestChildren.leftBehind(TestChildren.VILLAGE_102201)).json();
    long id = created.path("id").asLong();

    assertThat(Api.as(rest, "chief-102").get("/api/audit?childId=" + id).status())
        .isEqualTo(403);
    assertThat(Api.as(rest, "director-102201").get("/api/audit").status()).isEqualTo(403);
    assertThat(Api.as(rest, "sup-102").get("/api/audit?childId=" + id).json()
        .path("totalItems").asLong()).isGreaterThan(0);
    assertThat(Api.as(rest, "sup-101").get("/api/audit?childId=" + id).json()
        .path("totalItems").asLong()).isZero();
    assertThat(Api.as(rest, "supervisor").get("/api/audit?action=NOPE").status())
        .isEqualTo(400);
  }
}
