package org.guardian.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.guardian.TestChildren;
import org.guardian.policy.Fixtures;
import org.guardian.policy.PolicyApi;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Every read and change of a child's file, every export and every deployment leaves its audit
 * entry: one table of actions, each done over HTTP by a person, and the entry it must add (action,
 * actor, and the child or area it concerns). The plain read, search, change and refused read of the
 * file itself are in {@link AuditLogTest}; this table covers the parts of the file other modules
 * keep, documents, reports, the exports of the dashboard and both ways to deploy models.
 */
@GuardianTest
class AuditCoverageTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @org.springframework.boot.test.web.server.LocalServerPort int port;

  /** One action: who does what, and the entry it must leave. */
  record Case(String what, String actor, AuditAction action, Long childId, String areaCode,
      Supplier<Integer> doIt, int expectedStatus) {}

  long child;

  long newChild() {
    Api.Response created = Api.as(rest, "director-101201")
        .post("/api/children", TestChildren.leftBehind(TestChildren.VILLAGE_101201));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asLong();
  }

  int get(String user, String path) {
    return Api.as(rest, user).get(path).status();
  }

  List<Case> cases() {
    child = newChild();
    String c = "/api/children/" + child;
    String village = TestChildren.VILLAGE_101201;
    List<Case> out = new ArrayList<>();
    for (String part : List.of("visits", "warnings", "assessments", "placements", "decisions",
        "orders", "referrals", "documents")) {
      out.add(new Case("read of the file's " + part, "csup-101", AuditAction.CHILD_READ, child,
          village, () -> get("csup-101", c + "/" + part), 200));
    }
    out.add(new Case("refused read of the file's visits", "director-102201",
        AuditAction.CHILD_ACCESS_DENIED, child, village,
        () -> get("director-102201", c + "/visits"), 404));
    out.add(new Case("upload of a document", "legal", AuditAction.DOCUMENT_UPLOADED, child,
        village, () -> upload("legal", child), 201));
    out.add(new Case("download of a document", "director-101201",
        AuditAction.DOCUMENT_DOWNLOADED, child, village, () -> {
          JsonNode docs = Api.as(rest, "director-101201").get(c + "/documents").json();
          return get("director-101201", c + "/documents/" + docs.path(0).path("id").asLong());
        }, 200));
    out.add(new Case("read of a report about the child", "chief-101", AuditAction.REPORT_READ,
        null, village, () -> get("chief-101", "/api/reports/" + report()), 200));
    out.add(new Case("monthly statistics export", "supervisor", AuditAction.STATISTICS_EXPORTED,
        null, "371330101", () -> session("supervisor",
            "/dashboard/export/monthly.csv?area=371330101"), 200));
    out.add(new Case("annual report export", "sup-101", AuditAction.STATISTICS_EXPORTED, null,
        "371330101", () -> session("sup-101", "/dashboard/export/annual.csv?area=371330101"),
        200));
    out.add(new Case("national export of the village", "centre", AuditAction.NATIONAL_EXPORTED,
        null, village, () -> session("centre", "/dashboard/export/national.json?area="
            + village), 200));
    out.add(new Case("national export names the child", "centre", AuditAction.CHILD_EXPORTED,
        child, village, () -> session("centre", "/dashboard/export/national.json?area="
            + village), 200));
    out.add(new Case("national export of an empty village", "centre",
        AuditAction.NATIONAL_EXPORTED, null, "371330203201", () -> session("centre",
            "/dashboard/export/national.json?area=371330203201"), 200));
    out.add(new Case("deployment through Guardian's API", "policy", AuditAction.POLICY_DEPLOYED,
        null, null, () -> PolicyApi.deploy(rest, "policy", PolicyApi.uniqueName(),
            Fixtures.folder("v1")).status(), 201));
    out.add(new Case("deployment from Camunda Modeler (engine REST)", "policy",
        AuditAction.POLICY_DEPLOYED, null, null, () -> PolicyApi.deployThroughEngineRest(rest,
            "policy", PolicyApi.uniqueName(), Fixtures.folder("v2")).status(), 200));
    out.add(new Case("refused deployment from Camunda Modeler", "policy",
        AuditAction.POLICY_DEPLOYMENT_REFUSED, null, null, () -> PolicyApi.deployThroughEngineRest(
            rest, "policy", PolicyApi.uniqueName(), Fixtures.without(Fixtures.folder("v1"),
                "policy-test-assess.form")).status(), 400));
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyReadChangeExportAndDeploymentIsAudited() {
    return cases().stream().map(k -> DynamicTest.dynamicTest(k.what() + " → " + k.action(),
        () -> {
          long before = entries(k);
          int status = k.doIt().get();
          assertThat(status).as(k.what()).isEqualTo(k.expectedStatus());
          assertThat(entries(k)).as("audit entries " + k.action() + " by " + k.actor())
              .isEqualTo(before + 1);
        }));
  }

  long entries(Case k) {
    StringBuilder sql = new StringBuilder(
        "select count(*) from audit_event where action = ? and actor = ?");
    List<Object> args = new ArrayList<>(List.of(k.action().name(), k.actor()));
    if (k.childId() != null) {
      sql.append(" and child_id = ?");
      args.add(k.childId());
    }
    if (k.areaCode() != null) {
      sql.append(" and area_code = ?");
      args.add(k.areaCode());
    }
    Long n = jdbc.queryForObject(sql.toString(), Long.class, args.toArray());
    return n == null ? 0 : n;
  }

  String report() {
    Api.Response r = Api.as(rest, "director-101201").post("/api/reports", Map.of(
        "organisationName", "青溪县实验小学", "organisationType", "SCHOOL",
        "dutyType", "MANDATORY", "childName", "王小明", "childAge", 9,
        "villageCode", TestChildren.VILLAGE_101201,
        "description", "孩子连续三天没有来上学，班主任家访时无人应答。"));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("number").asText();
  }

  int upload(String user, long childId) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource("%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII)) {
      @Override
      public String getFilename() {
        return "判决书.pdf";
      }
    });
    parts.add("type", "COURT_DECISION");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> r = rest.withBasicAuth(user, "demo").exchange(
        "/api/children/" + childId + "/documents", HttpMethod.POST,
        new HttpEntity<>(parts, headers), String.class);
    return r.getStatusCode().value();
  }

  /** A GET in a signed-in session (the dashboard and its exports use the login page). */
  int session(String user, String path) {
    return org.guardian.system.HttpProbe.signedIn(port, user).get(path).status();
  }
}
