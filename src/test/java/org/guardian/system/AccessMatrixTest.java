package org.guardian.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.guardian.GuardianTest;
import org.guardian.TestChildren;
import org.guardian.registry.FileReview;
import org.guardian.system.HttpProbe.Answer;
import org.guardian.system.HttpProbe.FilePart;
import org.guardian.system.HttpProbe.Multipart;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may reach what: one table of people (roles × areas) × resources, each cell tried over HTTP as
 * that person — Guardian's API, the dashboard and its exports (signed-in session), the engine REST
 * API and the Camunda webapps' own API (session). The resources all belong to one child of village
 * 371330101201 (township 371330101): the file and its parts, a report, a document, the child's
 * file-review task and process instance with its history and variables; plus the county's
 * deployments, decisions, dashboard, exports and audit log.
 *
 * <p>Cells: {@code Y} allowed (2xx; for a list: the child's item is in it), {@code A} out of the
 * person's area (404; for a list: not in it), {@code R} wrong role (403), {@code -} refused either
 * way (403 or 404; for a list: not in it — the engine answers both ways depending on the query).
 * Changing, registering and moving files: {@code registry/ChildAccessTest}; task lists by area:
 * {@code EngineRestSecurityTest}.
 */
@GuardianTest
class AccessMatrixTest {

  /** The columns: one person per role and area relation to the child's village. */
  static final List<String> PEOPLE = List.of(
      "director-101201", // child director of the child's village
      "director-101202", // child director of a neighbouring village, same township
      "csup-101", "csup-102", // child supervisor of the township / of another township
      "chief-101", "chief-102", // station chief, same / other township
      "sup-101", "sup-102", // township supervisor, same / other township
      "centre", "supervisor", "legal", // county centre, county supervisor, legal officer
      "policy", // policy team: models, not children
      "demo"); // administrator

  /** How a row reaches its resource. */
  enum Via { BASIC, SESSION }

  /** One row: a resource and action, how it is called, and the expected cell per person. */
  record Row(String what, Via via, String method, String path, boolean list, String contains,
      String cells) {}

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;

  final Map<String, HttpProbe> sessions = new ConcurrentHashMap<>();

  List<Row> matrix() {
    Fixture f = fixture();
    String c = "/api/children/" + f.childId();
    List<Row> rows = new ArrayList<>();
    //                                                       d1 d2 c1 c2 h1 h2 s1 s2 ce su le po ad
    rows.add(status("child file: read", c, "Y A Y A Y A Y A Y Y Y R Y"));
    rows.add(status("child file: history", c + "/history", "Y A Y A Y A Y A Y Y Y R Y"));
    for (String part : List.of("visits", "warnings", "assessments", "placements", "decisions",
        "referrals")) {
      rows.add(status("child file: " + part, c + "/" + part, "Y A Y A Y A Y A Y Y Y R Y"));
    }
    rows.add(status("orders of the child", c + "/orders", "Y A Y A Y A Y A Y Y Y R Y"));
    rows.add(status("documents: list", c + "/documents", "Y A Y A Y A Y A Y Y Y R Y"));
    rows.add(status("documents: download", c + "/documents/" + f.documentId(),
        "Y A Y A Y A Y A Y Y Y R Y"));
    rows.add(status("report about the child: read", "/api/reports/" + f.reportNumber(),
        "Y A Y A Y A Y A Y Y Y R Y"));
    rows.add(list("audit log of the child", "/api/audit?childId=" + f.childId(),
        "\"childId\":" + f.childId(), "R R R R R R Y - R Y R R Y"));
    rows.add(status("audit chain: verify", "/api/audit/verify", "R R R R R R Y Y R Y R R Y"));
    rows.add(status("deployment: read", "/api/policy/deployments/" + f.deploymentId(),
        "R R R R R R R R R R R Y Y"));
    rows.add(session("dashboard of the township", "/dashboard/api/summary?area=371330101",
        "R R R R Y A Y A Y Y R R Y"));
    rows.add(session("monthly statistics export", "/dashboard/export/monthly.csv?area=371330101",
        "R R R R Y A Y A Y Y R R Y"));
    rows.add(session("national export of the township",
        "/dashboard/export/national.json?area=371330101", "R R R R R R R R Y R R R Y"));
    String task = "/engine-rest/task/" + f.taskId();
    rows.add(status("engine: the child's review task", task, "- - Y - - - - - Y Y - - Y"));
    rows.add(status("engine: its form", task + "/deployed-form", "- - Y - - - - - Y Y - - Y"));
    String pi = "/process-instance/" + f.processInstanceId();
    rows.add(status("engine: the process instance", "/engine-rest" + pi,
        "- - - - - - Y - Y Y - - Y"));
    rows.add(list("engine: process instances", "/engine-rest/process-instance?maxResults=10000",
        f.processInstanceId(), "- - - - - - Y - Y Y - - Y"));
    rows.add(list("engine: variables of the instance",
        "/engine-rest/variable-instance?processInstanceIdIn=" + f.processInstanceId(),
        "\"childId\"", "- - - - - - Y - Y Y - - Y"));
    rows.add(list("engine: history of the instance",
        "/engine-rest/history/process-instance?processInstanceId=" + f.processInstanceId(),
        f.processInstanceId(), "- - - - - - - - Y Y - - Y"));
    rows.add(list("engine: deployments", "/engine-rest/deployment?maxResults=10000",
        f.deploymentId(), "- - - - - - Y Y Y Y - Y Y"));
    rows.add(list("engine: decision definitions", "/engine-rest/decision-definition",
        "visit-cadence", "- - - - - - Y Y Y Y - Y Y"));
    rows.add(new Row("Cockpit: the process instance", Via.SESSION, "GET",
        "/camunda/api/engine/engine/default" + pi, false, null, "- - - - - - Y - Y Y - - Y"));
    rows.add(new Row("Cockpit: process instances", Via.SESSION, "GET",
        "/camunda/api/engine/engine/default/process-instance?maxResults=10000", true,
        f.processInstanceId(), "- - - - - - Y - Y Y - - Y"));
    rows.add(new Row("webapps: may open Cockpit", Via.SESSION, "GET",
        "/camunda/api/admin/auth/user/default", true, "\"cockpit\"",
        "- - - - - - Y Y Y Y - Y Y"));
    rows.add(new Row("webapps: may open Tasklist", Via.SESSION, "GET",
        "/camunda/api/admin/auth/user/default", true, "\"tasklist\"",
        "Y Y Y Y Y Y Y Y Y Y Y - Y"));
    return rows;
  }

  @TestFactory
  Stream<DynamicNode> everyCellOfTheAccessMatrixHolds() {
    List<Row> rows = matrix();
    List<DynamicNode> out = new ArrayList<>();
    int cells = 0;
    for (Row row : rows) {
      String[] expected = row.cells().split(" ");
      assertThat(expected).as(row.what()).hasSize(PEOPLE.size());
      List<DynamicNode> tests = new ArrayList<>();
      for (int i = 0; i < PEOPLE.size(); i++) {
        String person = PEOPLE.get(i);
        String cell = expected[i];
        tests.add(DynamicTest.dynamicTest(person + " " + cell, () -> check(row, person, cell)));
        cells++;
      }
      out.add(DynamicContainer.dynamicContainer(row.what(), tests));
    }
    int total = cells;
    out.add(DynamicTest.dynamicTest("cells", () -> {
      System.out.println("access matrix: " + rows.size() + " resources × " + PEOPLE.size()
          + " people = " + total + " cells");
      assertThat(total).isGreaterThan(300);
    }));
    return out.stream();
  }

  void check(Row row, String person, String cell) {
    HttpProbe client = row.via() == Via.BASIC ? HttpProbe.basic(port, person)
        : sessions.computeIfAbsent(person, p -> HttpProbe.signedIn(port, p));
    byte[] body = row.method().equals("POST") ? "{}".getBytes(StandardCharsets.UTF_8) : null;
    Answer a = client.send(row.method(), row.path(), body == null ? null : "application/json",
        body, Map.of());
    String what = person + " → " + row.method() + " " + row.path() + ": " + a;
    boolean contained = a.status() / 100 == 2 && row.contains() != null
        && a.body().contains(row.contains());
    switch (cell) {
      case "Y" -> {
        assertThat(a.status()).as(what).isBetween(200, 299);
        if (row.list()) {
          assertThat(contained).as("in the list: " + what).isTrue();
        }
      }
      case "A" -> {
        if (row.list()) {
          assertThat(contained).as("not in the list: " + what).isFalse();
          assertThat(a.status()).as(what).isLessThan(500);
        } else {
          assertThat(a.status()).as(what).isEqualTo(404);
        }
      }
      case "R" -> assertThat(a.status()).as(what).isEqualTo(403);
      case "-" -> {
        assertThat(a.status()).as(what).isLessThan(500);
        if (row.list()) {
          assertThat(contained).as("not in the list: " + what).isFalse();
        } else {
          assertThat(a.status()).as(what).isIn(403, 404);
        }
      }
      default -> throw new IllegalArgumentException(cell);
    }
  }

  // ---- rows and fixture ----------------------------------------------------------------------

  static Row status(String what, String path, String cells) {
    return new Row(what, Via.BASIC, "GET", path, false, null, cells);
  }

  static Row list(String what, String path, String contains, String cells) {
    return new Row(what, Via.BASIC, "GET", path, true, contains, cells);
  }

  static Row session(String what, String path, String cells) {
    return new Row(what, Via.SESSION, "GET", path, false, null, cells);
  }

  record Fixture(long childId, long documentId, String reportNumber, String taskId,
      String processInstanceId, String deploymentId) {}

  Fixture fixture() {
    Map<String, Object> child = TestChildren.leftBehind(TestChildren.VILLAGE_101201);
    Answer created = HttpProbe.basic(port, "director-101201").send("POST", "/api/children",
        "application/json", BadInputHarnessTest.json(child), Map.of());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long childId = BadInputHarnessTest.read(created).path("id").asLong();
    Multipart pdf = Multipart.of(Map.of("type", "COURT_DECISION"), List.of(new FilePart("file",
        "判决书.pdf", "application/pdf", "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII))));
    Answer doc = HttpProbe.basic(port, "legal").send("POST", "/api/children/" + childId
        + "/documents", pdf.contentType(), pdf.body(), Map.of());
    assertThat(doc.status()).as(doc.toString()).isEqualTo(201);
    Map<String, Object> report = new LinkedHashMap<>(BadInputHarnessTest.report(childId));
    report.put("childIdNumber", child.get("idNumber"));
    report.put("childName", child.get("name"));
    report.put("childBirthDate", child.get("birthDate"));
    report.remove("childAge");
    Answer r = HttpProbe.basic(port, "director-101201").send("POST", "/api/reports",
        "application/json", BadInputHarnessTest.json(report), Map.of());
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    Task review = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(childId))
        .taskDefinitionKey(FileReview.TASK_REVIEW).singleResult();
    assertThat(review).isNotNull();
    return new Fixture(childId, BadInputHarnessTest.read(doc).path("id").asLong(),
        BadInputHarnessTest.read(r).path("number").asText(), review.getId(),
        review.getProcessInstanceId(),
        repository.createDeploymentQuery().orderByDeploymentTime().desc().list().get(0).getId());
  }
}
