package org.guardian.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.guardian.GuardianTest;
import org.guardian.TestChildren;
import org.guardian.system.HttpProbe.Answer;
import org.guardian.system.HttpProbe.FilePart;
import org.guardian.system.HttpProbe.Multipart;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The bad-input harness: every endpoint Guardian maps (found in Spring MVC's handler mapping, so a
 * new endpoint without an entry in {@link #catalogue} fails {@link
 * #everyEndpointHasAnInputCatalogueEntry}) is called with inputs generated from its signature and
 * its valid example: malformed JSON, wrong JSON types, missing required fields (read from the
 * request record's Bean Validation constraints), unknown fields, overlong strings, impossible dates,
 * invalid ID numbers, unknown ids, and SQL / script / template / path-traversal strings in path
 * variables, query parameters and body fields. Each must be answered 4xx — an RFC 7807 problem body
 * on the JSON API, a 400 naming the fields — never 5xx; and nothing may be written: every table's
 * row count (Guardian's and the engine's) is the same after an endpoint's bad inputs as before
 * (refusals of access are audited by design and not counted). The form submissions of every user
 * task are tried by FormSubmissionHarnessTest.
 */
@GuardianTest
class BadInputHarnessTest {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Strings an attacker tries: SQL, script, template, expression, path traversal, control. */
  static final List<String> INJECTIONS = List.of(
      "1' OR '1'='1",
      "1; DROP TABLE child; --",
      "<script>alert(1)</script>",
      "[[${T(java.lang.Runtime).getRuntime()}]]",
      "${jndi:ldap://example.invalid/a}",
      "../../../../etc/passwd",
      "..\\..\\windows\\win.ini",
      "\u0000\u202e");
  static final String OVERLONG = "字".repeat(5000);
  static final String OVERLONG_URL = "9".repeat(300);
  static final List<String> BAD_DATES = List.of("2026-02-30", "2026-13-01", "01/02/2026",
      "9999-12-31", "yesterday");
  static final List<String> BAD_ID_NUMBERS = List.of("12345", "371330201501010010",
      "3713302015010100XX", "ABCDEFGHIJKLMNOPQR");

  @LocalServerPort int port;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mvc;
  @Autowired Validator validator;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired RepositoryService repository;

  /** How an endpoint is called: JSON API (Basic), multipart API, page (session), page form. */
  enum Kind { API, SESSION_API, MULTIPART, PAGE, PAGE_FORM, PAGE_MULTIPART }

  /**
   * What the harness must know of one endpoint: who calls it (someone allowed, so that the input
   * is what is judged), a valid path, valid query parameters and a valid body; the bad inputs are
   * generated from these and from the handler's signature. {@code extra} adds inputs the signature
   * cannot tell (multipart parts, free query maps).
   */
  record Entry(String key, Kind kind, String user, String path, Map<String, String> query,
      Object body, Class<?> bodyType, List<Probe> extra) {}

  /** Whether a generated input must be refused, or may be accepted (e.g. free text). */
  enum Expect { REFUSE, NO_SERVER_ERROR }

  /** One bad input. */
  record Probe(String name, String method, String path, String contentType, byte[] body,
      Map<String, String> headers, Expect expect) {}

  /** Test data the valid examples point at. */
  record Fixtures(long childId, long documentId, String reportNumber, String deploymentId) {}

  Fixtures fixtures() {
    HttpProbe director = HttpProbe.basic(port, "director-101201");
    Answer child = director.send("POST", "/api/children", "application/json",
        json(TestChildren.leftBehind(TestChildren.VILLAGE_101201)), Map.of());
    assertThat(child.status()).as(child.toString()).isEqualTo(201);
    long childId = read(child).path("id").asLong();
    Multipart pdf = Multipart.of(Map.of("type", "COURT_DECISION"), List.of(new FilePart("file",
        "判决书.pdf", "application/pdf", "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII))));
    Answer doc = HttpProbe.basic(port, "legal").send("POST",
        "/api/children/" + childId + "/documents", pdf.contentType(), pdf.body(), Map.of());
    assertThat(doc.status()).as(doc.toString()).isEqualTo(201);
    Answer report = HttpProbe.basic(port, "demo").send("POST", "/api/reports", "application/json",
        json(report(childId)), Map.of());
    assertThat(report.status()).as(report.toString()).isEqualTo(201);
    return new Fixtures(childId, read(doc).path("id").asLong(),
        read(report).path("number").asText(),
        repository.createDeploymentQuery().list().get(0).getId());
  }

  static Map<String, Object> report(long childId) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("organisationName", "青溪县实验小学");
    r.put("organisationType", "SCHOOL");
    r.put("dutyType", "MANDATORY");
    r.put("reporterPhone", "0531-1234567");
    r.put("villageCode", TestChildren.VILLAGE_101201);
    r.put("childName", "王小明");
    r.put("childAge", 9);
    r.put("childBirthDate", LocalDate.now().minusYears(9).toString());
    r.put("neglect", true);
    r.put("description", "孩子连续三天没有来上学，班主任家访时无人应答。");
    return r;
  }

  /** The input catalogue: one entry per endpoint. */
  List<Entry> catalogue(Fixtures f) {
    String child = "/api/children/" + f.childId();
    Map<String, Object> update = new LinkedHashMap<>(
        TestChildren.leftBehind(TestChildren.VILLAGE_101201));
    update.put("version", 0);
    Map<String, Object> detained = new LinkedHashMap<>();
    detained.put("policeUnit", "青溪县公安局城关派出所");
    detained.put("detainedPersonName", "测试父亲");
    detained.put("relationship", "FATHER");
    detained.put("detainedOn", LocalDate.now().minusDays(1).toString());
    detained.put("children", List.of(Map.of("villageCode", TestChildren.VILLAGE_101201,
        "otherCaregiverPresent", false, "childAge", 7, "childName", "赵小刚",
        "description", "父亲被刑事拘留，家中无其他成年人照料。")));
    Map<String, Object> migration = Map.of("processKey", "monitoring", "sourceVersion", 1);
    Map<String, Object> court = Map.of("ruling", "granted", "decisionNumber", "(2026)鲁1330民特1号");
    List<Entry> c = new ArrayList<>();
    c.add(api("POST /api/children", "demo", "/api/children", Map.of(),
        TestChildren.leftBehind(TestChildren.VILLAGE_101201), org.guardian.registry.ChildData.class));
    c.add(api("GET /api/children", "demo", "/api/children",
        Map.of("name", "测试", "idNumber", "37133020150101001X", "area", "371330101",
            "category", "LEFT_BEHIND", "flag", "DISABILITY", "fileStatus", "ACTIVE", "page", "0",
            "size", "20"), null, null));
    c.add(api("GET /api/children/{id}", "demo", child, Map.of(), null, null));
    c.add(api("PUT /api/children/{id}", "demo", child, Map.of(), update,
        org.guardian.registry.ChildData.class));
    for (String part : List.of("history", "visits", "warnings", "assessments", "placements",
        "decisions", "orders", "referrals", "documents")) {
      c.add(api("GET /api/children/{id}/" + part, "demo", child + "/" + part, Map.of(), null,
          null));
    }
    c.add(api("GET /api/children/{id}/documents/{documentId}", "demo",
        child + "/documents/" + f.documentId(), Map.of(), null, null));
    c.add(new Entry("POST /api/children/{id}/documents", Kind.MULTIPART, "legal",
        child + "/documents", Map.of(), null, null, documentProbes(child)));
    c.add(api("POST /api/reports", "demo", "/api/reports", Map.of(), report(f.childId()),
        type("org.guardian.reporting.ReportController$ReportRequest")));
    c.add(api("POST /api/reports/detained-parent", "legal", "/api/reports/detained-parent",
        Map.of(), detained, type("org.guardian.reporting.ReportController$DetainedParentRequest")));
    c.add(api("GET /api/reports/{number}", "demo", "/api/reports/" + f.reportNumber(), Map.of(),
        null, null));
    c.add(page("GET /reports/{number}", "demo", "/reports/" + f.reportNumber(), Map.of()));
    c.add(new Entry("GET /report", Kind.PAGE, null, "/report", Map.of(), null, null, List.of()));
    c.add(new Entry("GET /report/received", Kind.PAGE, null, "/report/received", Map.of(), null,
        null, List.of()));
    c.add(new Entry("POST /report", Kind.PAGE_FORM, null, "/report", Map.of(), publicReport(),
        type("org.guardian.reporting.PublicReportForm"), List.of()));
    c.add(page("GET /dashboard", "supervisor", "/dashboard",
        Map.of("area", "371330101", "days", "30")));
    c.add(api("GET /dashboard/api/summary", "supervisor", "/dashboard/api/summary",
        Map.of("area", "371330101", "days", "30"), null, null, true));
    c.add(page("GET /dashboard/list/{kind}", "supervisor", "/dashboard/list/risk",
        Map.of("area", "371330101", "colour", "red")));
    c.add(new Entry("GET /dashboard/api/list/{kind}", Kind.SESSION_API, "supervisor",
        "/dashboard/api/list/risk", Map.of("area", "371330101", "colour", "red"), null, null,
        listProbes()));
    c.add(api("GET /dashboard/export/national.json", "centre", "/dashboard/export/national.json",
        Map.of("area", "371330101201"), null, null, true));
    // downloads behind the dashboard's links: a browser asking for them gets the Chinese error page
    c.add(page("GET /dashboard/export/monthly.{format}", "supervisor",
        "/dashboard/export/monthly.xlsx", Map.of("area", "371330101", "month", "2026-10")));
    c.add(page("GET /dashboard/export/annual.{format}", "supervisor",
        "/dashboard/export/annual.csv", Map.of("area", "371330101", "year", "2026")));
    String page = "/children/" + f.childId() + "/documents";
    c.add(page("GET /children/{id}/documents", "legal", page,
        Map.of("case", "GC-2026-000001", "type", "COURT_DECISION")));
    c.add(page("GET /children/{id}/documents/{documentId}", "legal",
        page + "/" + f.documentId(), Map.of()));
    c.add(new Entry("POST /children/{id}/documents", Kind.PAGE_MULTIPART, "legal", page,
        Map.of(), null, null, documentProbes("/children/" + f.childId())));
    Class<?> migrationRequest = type("org.guardian.policy.MigrationController$MigrationRequest");
    c.add(api("POST /api/policy/migrations/plan", "policy", "/api/policy/migrations/plan",
        Map.of(), migration, migrationRequest));
    c.add(api("POST /api/policy/migrations/dry-run", "policy", "/api/policy/migrations/dry-run",
        Map.of(), migration, migrationRequest));
    c.add(api("POST /api/policy/migrations", "policy", "/api/policy/migrations", Map.of(),
        migration, migrationRequest));
    c.add(api("GET /api/policy/migrations/{id}", "policy", "/api/policy/migrations/1", Map.of(),
        null, null));
    c.add(new Entry("POST /api/policy/deployments", Kind.MULTIPART, "policy",
        "/api/policy/deployments", Map.of(), null, null, deploymentProbes()));
    c.add(api("GET /api/policy/deployments/{id}", "policy",
        "/api/policy/deployments/" + f.deploymentId(), Map.of(), null, null));
    c.add(api("POST /api/interventions/{caseNumber}/court-decision", "legal",
        "/api/interventions/GC-2026-000001/court-decision", Map.of(), court,
        type("org.guardian.intervention.InterventionController$CourtDecision")));
    c.add(api("GET /api/audit/verify", "supervisor", "/api/audit/verify", Map.of(), null, null));
    c.add(api("GET /api/audit", "supervisor", "/api/audit",
        Map.of("childId", String.valueOf(f.childId()), "actor", "demo", "action", "CHILD_READ",
            "from", "2026-01-01T00:00:00Z", "to", "2030-01-01T00:00:00Z", "page", "0",
            "size", "50"), null, null));
    c.add(api("GET /api/me", "demo", "/api/me", Map.of(), null, null));
    c.add(api("GET /api/areas", "demo", "/api/areas", Map.of(), null, null));
    c.add(api("GET /api/areas/{code}/subareas", "demo", "/api/areas/371330/subareas", Map.of(),
        null, null));
    c.add(page("GET /login", null, "/login", Map.of()));
    c.add(page("GET /", "demo", "/", Map.of()));
    return c;
  }

  @Test
  void everyEndpointHasAnInputCatalogueEntry() {
    Set<String> mapped = mappedEndpoints().keySet();
    Set<String> catalogued = new TreeSet<>();
    catalogue(new Fixtures(1, 1, "RP-2026-000001", "x")).forEach(e -> catalogued.add(e.key()));
    assertThat(new TreeSet<>(mapped)).as("endpoints without an entry in the input catalogue of "
        + "BadInputHarnessTest (add one)").isSubsetOf(catalogued);
    assertThat(catalogued).as("catalogue entries of endpoints that no longer exist")
        .isSubsetOf(mapped);
  }

  /** Guardian's endpoints in Spring MVC, as "METHOD pattern" (regex of path variables dropped). */
  Map<String, HandlerMethod> mappedEndpoints() {
    Map<String, HandlerMethod> out = new LinkedHashMap<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mvc.getHandlerMethods().entrySet()) {
      if (!e.getValue().getBeanType().getName().startsWith("org.guardian.")) {
        continue;
      }
      for (String pattern : e.getKey().getPatternValues()) {
        String p = withoutRegex(pattern);
        e.getKey().getMethodsCondition().getMethods()
            .forEach(m -> out.put(m.name() + " " + p, e.getValue()));
      }
    }
    return out;
  }

  /** {@code /reports/{number:RP-\\d{4}}} → {@code /reports/{number}}. */
  static String withoutRegex(String pattern) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char ch = pattern.charAt(i);
      if (ch == '{') {
        int depth = 1;
        int j = i + 1;
        int colon = -1;
        while (depth > 0) {
          char cj = pattern.charAt(j);
          if (cj == '{') {
            depth++;
          } else if (cj == '}') {
            depth--;
          } else if (cj == ':' && depth == 1 && colon < 0) {
            colon = j;
          }
          j++;
        }
        out.append(pattern, i, colon < 0 ? j : colon).append(colon < 0 ? "" : "}");
        i = j;
      } else {
        out.append(ch);
        i++;
      }
    }
    return out.toString();
  }

  @TestFactory
  Stream<DynamicNode> badInputToEveryEndpointIsRefusedWithAProblemAndWritesNothing() {
    Fixtures f = fixtures();
    Map<String, HandlerMethod> handlers = mappedEndpoints();
    AtomicInteger total = new AtomicInteger();
    List<DynamicNode> nodes = new ArrayList<>();
    for (Entry e : catalogue(f)) {
      HandlerMethod handler = handlers.get(e.key());
      if (handler == null) {
        continue;
      }
      List<Probe> probes = probes(e, handler);
      total.addAndGet(probes.size());
      nodes.add(endpoint(e, probes));
    }
    nodes.add(DynamicTest.dynamicTest("inputs tried", () -> {
      System.out.println("bad-input harness: " + total.get() + " inputs to " + (nodes.size() - 1)
          + " endpoints, " + Sample.describe());
      assertThat(total.get()).isGreaterThan(400);
    }));
    return nodes.stream();
  }

  /**
   * The endpoint's probes in order: those that may be accepted first (they may write, e.g. an
   * audited search), then the row counts, the probes that must be refused, and the counts again.
   */
  DynamicContainer endpoint(Entry e, List<Probe> probes) {
    HttpProbe client = client(e);
    AtomicReference<Map<String, Long>> before = new AtomicReference<>();
    List<DynamicNode> tests = new ArrayList<>();
    for (Probe p : probes) {
      if (p.expect() == Expect.NO_SERVER_ERROR) {
        tests.add(DynamicTest.dynamicTest(p.name(), () -> {
          Answer a = call(client, e, p);
          assertThat(a.status()).as(p.method() + " " + p.path() + " → " + a).isLessThan(500);
        }));
      }
    }
    tests.add(DynamicTest.dynamicTest("row counts before", () -> before.set(RowCounts.of(jdbc))));
    for (Probe p : probes) {
      if (p.expect() == Expect.REFUSE) {
        tests.add(DynamicTest.dynamicTest(p.name(), () -> {
          Answer a = call(client, e, p);
          assertRefused(e, p, a);
        }));
      }
    }
    tests.add(DynamicTest.dynamicTest("nothing written", () ->
        assertThat(RowCounts.changed(before.get(), RowCounts.of(jdbc)))
            .as("tables written by refused inputs to " + e.key()).isEmpty()));
    return DynamicContainer.dynamicContainer(e.key() + " (" + probes.size() + " inputs)", tests);
  }

  HttpProbe client(Entry e) {
    return switch (e.kind()) {
      case API, MULTIPART -> HttpProbe.basic(port, e.user());
      case SESSION_API, PAGE, PAGE_FORM, PAGE_MULTIPART -> e.user() == null
          ? HttpProbe.browser(port)
          : HttpProbe.signedIn(port, e.user());
    };
  }

  Answer call(HttpProbe client, Entry e, Probe p) {
    Map<String, String> headers = new LinkedHashMap<>(p.headers());
    byte[] body = p.body();
    if (e.kind() == Kind.PAGE_FORM) {
      // a fresh client address each time (the public page allows 5 reports per hour per address)
      headers.put("X-Forwarded-For", "10.8." + (int) (Math.random() * 250) + "."
          + (int) (Math.random() * 250));
      String token = client.csrf("/report");
      String form = new String(body, StandardCharsets.UTF_8);
      body = (form + (form.isEmpty() ? "" : "&") + "_csrf=" + HttpProbe.enc(token))
          .getBytes(StandardCharsets.UTF_8);
    }
    String path = p.path();
    if (e.kind() == Kind.PAGE_MULTIPART) {
      // the page's form carries the session's CSRF token (one per session: taken from a page that
      // reads no child's file, so that no audit entry is written); Spring Security also reads it
      // from the query string, which leaves the generated multipart body as it is
      path += (path.contains("?") ? "&" : "?") + "_csrf=" + HttpProbe.enc(client.csrf("/report"));
    }
    return client.send(p.method(), path, p.contentType(), body, headers);
  }

  void assertRefused(Entry e, Probe p, Answer a) {
    String what = p.method() + " " + abbreviate(p.path()) + " [" + p.name() + "] → " + a;
    assertThat(a.status()).as(what).isBetween(400, 499);
    boolean jsonApi = e.kind() == Kind.API || e.kind() == Kind.SESSION_API
        || e.kind() == Kind.MULTIPART;
    if (jsonApi && !p.headers().containsKey("X-Harness-Transport")) {
      assertThat(a.isProblem()).as("problem body: " + what).isTrue();
      JsonNode problem = read(a);
      assertThat(problem.path("status").asInt()).as(what).isEqualTo(a.status());
      assertThat(problem.path("title").asText()).as(what).isNotBlank();
      if (a.status() == 400) {
        assertThat(problem.path("errors").size()).as("errors name the fields: " + what)
            .isPositive();
      }
    }
  }

  // ---- generation --------------------------------------------------------------------------

  List<Probe> probes(Entry e, HandlerMethod handler) {
    String method = e.key().substring(0, e.key().indexOf(' '));
    List<Probe> out = new ArrayList<>();
    pathProbes(e, handler, method, out);
    queryProbes(e, handler, method, out);
    if (e.body() != null && e.kind() == Kind.API) {
      bodyProbes(e, method, out);
    }
    if (e.kind() == Kind.PAGE_FORM) {
      formProbes(e, method, out);
    }
    out.addAll(e.extra());
    return out;
  }

  /** Each path variable: unknown, out of range, of the wrong type, overlong, an attack string. */
  void pathProbes(Entry e, HandlerMethod handler, String method, List<Probe> out) {
    String template = e.key().substring(e.key().indexOf(' ') + 1);
    String[] tSegments = template.split("/");
    String[] pSegments = e.path().split("/");
    for (int i = 0; i < tSegments.length; i++) {
      if (!tSegments[i].startsWith("{")) {
        continue;
      }
      String name = tSegments[i].substring(1, tSegments[i].length() - 1);
      Class<?> type = pathVariableType(handler, name);
      boolean numeric = type == long.class || type == Long.class || type == int.class
          || type == Integer.class;
      List<String[]> values = new ArrayList<>();
      if (numeric) {
        values.add(new String[] {"unknown id", "987654321"});
        values.add(new String[] {"zero", "0"});
        values.add(new String[] {"negative", "-1"});
        values.add(new String[] {"not a number", "abc"});
        values.add(new String[] {"decimal", "1.5"});
        values.add(new String[] {"overflow", "99999999999999999999"});
      } else {
        values.add(new String[] {"unknown", "unknown-" + System.nanoTime()});
        values.add(new String[] {"overlong", OVERLONG_URL});
      }
      for (int j = 0; j < INJECTIONS.size(); j++) {
        values.add(new String[] {"attack " + j, INJECTIONS.get(j)});
      }
      List<String[]> tried = new ArrayList<>(values.subList(0, 1));
      tried.addAll(Sample.of(values.subList(1, values.size()), 4, e.key() + name));
      for (String[] v : tried) {
        String[] segments = pSegments.clone();
        segments[i] = HttpProbe.enc(v[1]).replace("+", "%20");
        // an encoded / or \\ or a NUL is refused by Tomcat itself, before any filter (400 with
        // Tomcat's page): asserted 4xx, not Guardian's problem body
        Map<String, String> headers = v[1].contains("/") || v[1].contains("\\")
            || v[1].contains("\u0000") ? Map.of("X-Harness-Transport", "1") : Map.of();
        out.add(new Probe("path " + name + " " + v[0], method,
            String.join("/", segments) + query(e.query()), contentType(e), body(e), headers,
            Expect.REFUSE));
      }
    }
  }

  /** Each query parameter: of the wrong type, out of range, overlong, an attack string. */
  void queryProbes(Entry e, HandlerMethod handler, String method, List<Probe> out) {
    for (MethodParameter p : handler.getMethodParameters()) {
      p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
      RequestParam rp = p.getParameterAnnotation(RequestParam.class);
      if (rp == null || Map.class.isAssignableFrom(p.getParameterType())
          || org.springframework.web.multipart.MultipartFile.class
              .isAssignableFrom(p.getParameterType())) {
        continue;
      }
      String name = rp.name().isEmpty() ? (rp.value().isEmpty() ? p.getParameterName()
          : rp.value()) : rp.name();
      if (e.kind() == Kind.MULTIPART || e.kind() == Kind.PAGE_MULTIPART) {
        continue; // multipart fields are tried by the entry's own probes
      }
      Class<?> type = p.getParameterType();
      boolean free = type == String.class && !hasPattern(p);
      List<Object[]> values = new ArrayList<>();
      if (type == int.class || type == Integer.class || type == long.class
          || type == Long.class) {
        values.add(new Object[] {"not a number", "abc", Expect.REFUSE});
        values.add(new Object[] {"decimal", "1.5", Expect.REFUSE});
        values.add(new Object[] {"overflow", "99999999999999999999", Expect.REFUSE});
        values.add(new Object[] {"negative", "-1", Expect.NO_SERVER_ERROR});
        values.add(new Object[] {"huge", "2147483647", Expect.NO_SERVER_ERROR});
      } else if (type.isEnum()) {
        values.add(new Object[] {"not a value", "NOT_A_VALUE", Expect.REFUSE});
        values.add(new Object[] {"lower case", "left_behind", Expect.REFUSE});
      } else if (Temporal.class.isAssignableFrom(type)) {
        BAD_DATES.forEach(d -> values.add(new Object[] {"bad date " + d, d, Expect.REFUSE}));
      } else if (type == boolean.class || type == Boolean.class) {
        values.add(new Object[] {"not a boolean", "maybe", Expect.REFUSE});
      } else {
        values.add(new Object[] {"overlong", OVERLONG_URL, free ? Expect.NO_SERVER_ERROR
            : Expect.REFUSE});
        if (name.toLowerCase().contains("idnumber")) {
          BAD_ID_NUMBERS.forEach(v -> values.add(new Object[] {"bad ID number " + v, v,
              Expect.REFUSE}));
        }
        if (name.equals("month")) {
          values.add(new Object[] {"bad month", "2026-13", Expect.REFUSE});
        }
      }
      for (int j = 0; j < INJECTIONS.size(); j++) {
        values.add(new Object[] {"attack " + j, INJECTIONS.get(j),
            free ? Expect.NO_SERVER_ERROR : Expect.REFUSE});
      }
      for (Object[] v : Sample.of(values, 3, e.key() + name)) {
        Map<String, String> q = new LinkedHashMap<>(e.query());
        q.put(name, (String) v[1]);
        out.add(new Probe("query " + name + " " + v[0], method, e.path() + query(q),
            contentType(e), body(e), Map.of(), (Expect) v[2]));
      }
    }
  }

  /** The JSON body: malformed, of the wrong shape, missing, unknown and wrong fields. */
  void bodyProbes(Entry e, String method, List<Probe> out) {
    String path = e.path() + query(e.query());
    String valid = new String(json(e.body()), StandardCharsets.UTF_8);
    Map<String, String> malformed = new LinkedHashMap<>();
    malformed.put("empty body", "");
    malformed.put("truncated", valid.substring(0, valid.length() / 2));
    malformed.put("not JSON", "name=x&y=z");
    malformed.put("single quotes", valid.replace('"', '\''));
    malformed.put("trailing garbage", valid + " {\"x\":1}");
    malformed.put("array", "[" + valid + "]");
    malformed.put("string", "\"text\"");
    malformed.put("number", "42");
    malformed.put("null", "null");
    malformed.put("empty object", "{}");
    for (String name : Sample.of(new ArrayList<>(malformed.keySet()), 4, e.key())) {
      out.add(new Probe("body " + name, method, path, "application/json",
          malformed.get(name).getBytes(StandardCharsets.UTF_8), Map.of(), Expect.REFUSE));
    }
    out.add(new Probe("body as text/plain", method, path, "text/plain",
        valid.getBytes(StandardCharsets.UTF_8), Map.of(), Expect.REFUSE));
    ObjectNode root = (ObjectNode) JSON.valueToTree(e.body());
    for (String required : requiredProperties(e.bodyType())) {
      ObjectNode copy = root.deepCopy();
      copy.remove(required);
      out.add(bodyProbe("missing " + required, method, path, copy));
      if (root.path(required).isTextual()) {
        ObjectNode blank = root.deepCopy();
        blank.put(required, "   ");
        out.add(bodyProbe("blank " + required, method, path, blank));
      }
    }
    ObjectNode extra = root.deepCopy();
    extra.put("unexpectedField", "x");
    out.add(bodyProbe("unknown field", method, path, extra));
    for (Leaf leaf : leaves(root, "")) {
      for (Map.Entry<String, JsonNode> bad : Sample.of(new ArrayList<>(badValues(leaf)
          .entrySet()), 2, e.key() + leaf.pointer())) {
        ObjectNode copy = root.deepCopy();
        replace(copy, leaf.pointer(), bad.getValue());
        out.add(bodyProbe(leaf.pointer() + " " + bad.getKey(), method, path, copy));
      }
    }
  }

  Probe bodyProbe(String name, String method, String path, JsonNode body) {
    return new Probe("body " + name, method, path, "application/json", json(body), Map.of(),
        Expect.REFUSE);
  }

  /** A value of the valid example, by JSON pointer, with the value found there. */
  record Leaf(String pointer, JsonNode value) {}

  static List<Leaf> leaves(JsonNode node, String pointer) {
    List<Leaf> out = new ArrayList<>();
    if (node.isObject()) {
      if (!pointer.isEmpty()) {
        out.add(new Leaf(pointer, node));
      }
      node.fields().forEachRemaining(f -> out.addAll(leaves(f.getValue(), pointer + "/"
          + f.getKey())));
    } else if (node.isArray()) {
      out.add(new Leaf(pointer, node));
      if (!node.isEmpty()) {
        out.addAll(leaves(node.get(0), pointer + "/0"));
      }
    } else {
      out.add(new Leaf(pointer, node));
    }
    return out;
  }

  /** Values that are wrong for the leaf whatever the field means, by the valid value's kind. */
  static Map<String, JsonNode> badValues(Leaf leaf) {
    Map<String, JsonNode> bad = new LinkedHashMap<>();
    JsonNode v = leaf.value();
    String field = leaf.pointer().substring(leaf.pointer().lastIndexOf('/') + 1);
    if (v.isObject()) {
      bad.put("as a string", TextNode.valueOf("x"));
      ObjectNode extra = v.deepCopy();
      extra.put("unexpectedField", 1);
      bad.put("with an unknown field", extra);
    } else if (v.isArray()) {
      bad.put("as a string", TextNode.valueOf("x"));
      if (!v.isEmpty() && v.get(0).isTextual()) {
        ArrayNode wrong = JSON.createArrayNode().add("NOT_A_VALUE");
        bad.put("with an unknown element", wrong);
      }
      if (!v.isEmpty() && v.get(0).isObject()) {
        // (a list of codes repeated is a set of one code: only lists of records can be overlong)
        ArrayNode many = JSON.createArrayNode();
        for (int i = 0; i < 200; i++) {
          many.add(v.get(0));
        }
        bad.put("overlong list", many);
      }
    } else if (v.isNumber()) {
      bad.put("as a string", TextNode.valueOf("abc"));
      bad.put("decimal", JSON.getNodeFactory().numberNode(2.5));
      bad.put("overflow", JSON.getNodeFactory().numberNode(new java.math.BigInteger(
          "99999999999999999999")));
      bad.put("negative", JSON.getNodeFactory().numberNode(-1));
    } else if (v.isBoolean()) {
      bad.put("as a string", TextNode.valueOf("yes"));
      bad.put("as a number", JSON.getNodeFactory().numberNode(1));
    } else if (v.isTextual()) {
      String s = v.asText();
      bad.put("as a number", JSON.getNodeFactory().numberNode(12345));
      bad.put("as an object", JSON.createObjectNode().put("x", 1));
      bad.put("overlong", TextNode.valueOf(OVERLONG));
      bad.put("with a NUL character", TextNode.valueOf("正常\u0000文字"));
      boolean constrained = false;
      if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
        BAD_DATES.forEach(d -> bad.put("bad date " + d, TextNode.valueOf(d)));
        constrained = true;
      } else if (field.toLowerCase().contains("idnumber")) {
        BAD_ID_NUMBERS.forEach(d -> bad.put("bad ID number " + d, TextNode.valueOf(d)));
        constrained = true;
      } else if (s.matches("[A-Z][A-Z_]+") || s.matches("[0-9+\\-() ]+")
          || s.matches("granted|refused|monitoring")) {
        bad.put("not a value", TextNode.valueOf("NOT_A_VALUE_" + s));
        constrained = true;
      }
      if (constrained) {
        for (int j = 0; j < INJECTIONS.size(); j++) {
          bad.put("attack " + j, TextNode.valueOf(INJECTIONS.get(j)));
        }
      }
    }
    return bad;
  }

  static void replace(ObjectNode root, String pointer, JsonNode value) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = root.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1);
    if (parent.isArray()) {
      ((ArrayNode) parent).set(Integer.parseInt(last), value);
    } else {
      ((ObjectNode) parent).set(last, value);
    }
  }

  /** Top-level properties the request type declares required (NotNull, NotBlank, NotEmpty). */
  List<String> requiredProperties(Class<?> type) {
    if (type == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (PropertyDescriptor p : validator.getConstraintsForClass(type).getConstrainedProperties()) {
      boolean required = p.getConstraintDescriptors().stream().map(d -> d.getAnnotation())
          .map(Annotation::annotationType).anyMatch(a -> a == NotNull.class
              || a == NotBlank.class || a == NotEmpty.class);
      if (required) {
        out.add(p.getPropertyName());
      }
    }
    out.sort(String::compareTo);
    return out;
  }

  /** The public page's form (urlencoded, CSRF, session): its fields, wrong one at a time. */
  void formProbes(Entry e, String method, List<Probe> out) {
    @SuppressWarnings("unchecked")
    Map<String, String> valid = (Map<String, String>) e.body();
    Function<Map<String, String>, byte[]> body = HttpProbe::form;
    for (String required : requiredProperties(e.bodyType())) {
      Map<String, String> copy = new LinkedHashMap<>(valid);
      copy.remove(required);
      out.add(new Probe("form missing " + required, method, e.path(),
          "application/x-www-form-urlencoded", body.apply(copy), Map.of(), Expect.REFUSE));
    }
    for (Map.Entry<String, String> field : valid.entrySet()) {
      List<String[]> values = new ArrayList<>();
      values.add(new String[] {"overlong", OVERLONG});
      values.add(new String[] {"with a NUL character", "正常情况说明\u0000无异常"});
      String v = field.getValue();
      if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
        BAD_DATES.forEach(d -> values.add(new String[] {"bad date " + d, d}));
      } else if (v.matches("\\d+")) {
        values.add(new String[] {"not a number", "abc"});
        values.add(new String[] {"out of range", "-5"});
        for (int j = 0; j < INJECTIONS.size(); j++) {
          values.add(new String[] {"attack " + j, INJECTIONS.get(j)});
        }
      } else if (v.matches("[A-Z_]+")) {
        values.add(new String[] {"not a value", "NOT_A_VALUE"});
      }
      if (field.getKey().equals("description")) {
        values.remove(0);
        values.add(new String[] {"too short", "太短"});
        values.add(new String[] {"overlong", "字".repeat(2001)});
      }
      for (String[] bad : Sample.of(values, 2, e.key() + field.getKey())) {
        Map<String, String> copy = new LinkedHashMap<>(valid);
        copy.put(field.getKey(), bad[1]);
        out.add(new Probe("form " + field.getKey() + " " + bad[0], method, e.path(),
            "application/x-www-form-urlencoded", body.apply(copy), Map.of(), Expect.REFUSE));
      }
    }
    Map<String, String> noCsrf = new LinkedHashMap<>(valid);
    out.add(new Probe("form without CSRF token", method, e.path() + "?_csrf=forged",
        "application/x-www-form-urlencoded", body.apply(noCsrf), Map.of(), Expect.REFUSE));
  }

  static Map<String, String> publicReport() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("area", "371330101201");
    form.put("childName", "李小红");
    form.put("childAge", "9");
    form.put("childBirthDate", LocalDate.now().minusYears(9).toString());
    form.put("childSex", "FEMALE");
    form.put("injury", "true");
    form.put("description", "邻居家的孩子这几天一直一个人在家，晚上哭。");
    form.put("reporterPhone", "13812345678");
    return form;
  }

  List<Probe> documentProbes(String child) {
    byte[] pdf = "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    List<Probe> out = new ArrayList<>();
    Map<String, Map.Entry<Map<String, String>, List<FilePart>>> cases = new LinkedHashMap<>();
    cases.put("no file", Map.entry(Map.of("type", "COURT_DECISION"), List.of()));
    cases.put("no type", Map.entry(Map.of(), List.of(new FilePart("file", "a.pdf",
        "application/pdf", pdf))));
    cases.put("unknown type", Map.entry(Map.of("type", "NOT_A_TYPE"), List.of(
        new FilePart("file", "a.pdf", "application/pdf", pdf))));
    cases.put("empty file", Map.entry(Map.of("type", "COURT_DECISION"), List.of(
        new FilePart("file", "a.pdf", "application/pdf", new byte[0]))));
    cases.put("executable", Map.entry(Map.of("type", "COURT_DECISION"), List.of(
        new FilePart("file", "a.exe", "application/octet-stream",
            new byte[] {'M', 'Z', 0, 0, 1, 2, 3}))));
    cases.put("script as pdf", Map.entry(Map.of("type", "COURT_DECISION"), List.of(
        new FilePart("file", "a.pdf", "application/pdf",
            "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))));
    cases.put("bad case number", Map.entry(Map.of("type", "COURT_DECISION",
        "caseNumber", "1' OR '1'='1"), List.of(new FilePart("file", "a.pdf", "application/pdf",
            pdf))));
    cases.put("overlong case number", Map.entry(Map.of("type", "COURT_DECISION",
        "caseNumber", OVERLONG), List.of(new FilePart("file", "a.pdf", "application/pdf", pdf))));
    for (int j = 0; j < INJECTIONS.size(); j++) {
      cases.put("attack type " + j, Map.entry(Map.of("type", INJECTIONS.get(j)), List.of(
          new FilePart("file", "a.pdf", "application/pdf", pdf))));
    }
    for (Map.Entry<String, Map.Entry<Map<String, String>, List<FilePart>>> c : cases.entrySet()) {
      Multipart m = Multipart.of(c.getValue().getKey(), c.getValue().getValue());
      out.add(new Probe(c.getKey(), "POST", child + "/documents", m.contentType(), m.body(),
          Map.of(), Expect.REFUSE));
    }
    for (String id : List.of("987654321", "0", "-1", "abc")) {
      Multipart m = Multipart.of(Map.of("type", "COURT_DECISION"), List.of(new FilePart("file",
          "a.pdf", "application/pdf", pdf)));
      out.add(new Probe("child " + id, "POST", "/api/children/" + id + "/documents",
          m.contentType(), m.body(), Map.of(), Expect.REFUSE));
    }
    out.add(new Probe("JSON instead of multipart", "POST", child + "/documents",
        "application/json", "{}".getBytes(StandardCharsets.UTF_8), Map.of(), Expect.REFUSE));
    return out;
  }

  List<Probe> deploymentProbes() {
    List<Probe> out = new ArrayList<>();
    byte[] bpmn = ("<?xml version=\"1.0\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/"
        + "20100524/MODEL\" targetNamespace=\"x\"><process id=\"monitoring\" isExecutable=\"true\">"
        + "<startEvent id=\"s\"/></process></definitions>").getBytes(StandardCharsets.UTF_8);
    Map<String, Map.Entry<Map<String, String>, List<FilePart>>> cases = new LinkedHashMap<>();
    cases.put("no files", Map.entry(Map.of("name", "x"), List.of()));
    cases.put("not XML", Map.entry(Map.of(), List.of(new FilePart("f", "monitoring.bpmn",
        "application/xml", "<not xml".getBytes(StandardCharsets.UTF_8)))));
    cases.put("XML bomb", Map.entry(Map.of(), List.of(new FilePart("f", "monitoring.bpmn",
        "application/xml", ("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;"
            + "&b;&b;&b;\">]><d>&c;&c;&c;</d>").getBytes(StandardCharsets.UTF_8)))));
    cases.put("external entity", Map.entry(Map.of(), List.of(new FilePart("f", "monitoring.bpmn",
        "application/xml", ("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM "
            + "\"file:///etc/passwd\">]><definitions>&x;</definitions>")
            .getBytes(StandardCharsets.UTF_8)))));
    cases.put("process without names", Map.entry(Map.of(), List.of(new FilePart("f",
        "monitoring.bpmn", "application/xml", bpmn))));
    cases.put("traversal file name", Map.entry(Map.of(), List.of(new FilePart("f",
        "../../../etc/monitoring.bpmn", "application/xml", bpmn))));
    cases.put("executable", Map.entry(Map.of(), List.of(new FilePart("f", "run.sh",
        "text/x-shellscript", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8)))));
    cases.put("form not JSON", Map.entry(Map.of(), List.of(new FilePart("f", "home-visit.form",
        "application/json", "{not json".getBytes(StandardCharsets.UTF_8)))));
    cases.put("DMN not XML", Map.entry(Map.of(), List.of(new FilePart("f", "visit-cadence.dmn",
        "application/xml", "{}".getBytes(StandardCharsets.UTF_8)))));
    cases.put("overlong name", Map.entry(Map.of("name", OVERLONG), List.of(new FilePart("f",
        "monitoring.bpmn", "application/xml", bpmn))));
    cases.put("validateOnly not a boolean", Map.entry(Map.of("validateOnly", "maybe"), List.of(
        new FilePart("f", "monitoring.bpmn", "application/xml", bpmn))));
    for (Map.Entry<String, Map.Entry<Map<String, String>, List<FilePart>>> c : cases.entrySet()) {
      Multipart m = Multipart.of(c.getValue().getKey(), c.getValue().getValue());
      out.add(new Probe(c.getKey(), "POST", "/api/policy/deployments", m.contentType(), m.body(),
          Map.of(), Expect.REFUSE));
    }
    out.add(new Probe("JSON instead of multipart", "POST", "/api/policy/deployments",
        "application/json", "{}".getBytes(StandardCharsets.UTF_8), Map.of(), Expect.REFUSE));
    return out;
  }

  List<Probe> listProbes() {
    List<Probe> out = new ArrayList<>();
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("colour", "purple");
    bad.put("area", "999999999");
    for (Map.Entry<String, String> b : bad.entrySet()) {
      Map<String, String> q = new LinkedHashMap<>(Map.of("area", "371330101", "colour", "red"));
      q.put(b.getKey(), b.getValue());
      out.add(new Probe("list " + b.getKey() + " " + b.getValue(), "GET",
          "/dashboard/api/list/risk" + query(q), null, null, Map.of(), Expect.REFUSE));
    }
    out.add(new Probe("list cases days abc", "GET",
        "/dashboard/api/list/late-reports?area=371330101&days=abc", null, null, Map.of(),
        Expect.REFUSE));
    out.add(new Probe("list tasks without kind", "GET",
        "/dashboard/api/list/tasks?area=371330101", null, null, Map.of(), Expect.REFUSE));
    out.add(new Probe("list risk without colour", "GET",
        "/dashboard/api/list/risk?area=371330101", null, null, Map.of(), Expect.REFUSE));
    for (int j = 0; j < INJECTIONS.size(); j++) {
      out.add(new Probe("list colour attack " + j, "GET", "/dashboard/api/list/risk"
          + query(Map.of("area", "371330101", "colour", INJECTIONS.get(j))), null, null, Map.of(),
          Expect.REFUSE));
    }
    return out;
  }

  // ---- helpers -------------------------------------------------------------------------------

  Entry api(String key, String user, String path, Map<String, String> query, Object body,
      Class<?> bodyType) {
    return new Entry(key, Kind.API, user, path, query, body, bodyType, List.of());
  }

  /** A JSON or CSV endpoint outside /api, signed in by session like the dashboard it belongs to. */
  Entry api(String key, String user, String path, Map<String, String> query, Object body,
      Class<?> bodyType, boolean session) {
    return new Entry(key, session ? Kind.SESSION_API : Kind.API, user, path, query, body, bodyType,
        List.of());
  }

  Entry page(String key, String user, String path, Map<String, String> query) {
    return new Entry(key, Kind.PAGE, user, path, query, null, null, List.of());
  }

  static Class<?> type(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  static String contentType(Entry e) {
    return e.body() == null || e.kind() != Kind.API ? null : "application/json";
  }

  static byte[] body(Entry e) {
    return e.body() == null || e.kind() != Kind.API ? null : json(e.body());
  }

  static Class<?> pathVariableType(HandlerMethod handler, String name) {
    for (MethodParameter p : handler.getMethodParameters()) {
      p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
      PathVariable pv = p.getParameterAnnotation(PathVariable.class);
      if (pv != null) {
        String n = !pv.name().isEmpty() ? pv.name() : !pv.value().isEmpty() ? pv.value()
            : p.getParameterName();
        if (name.equals(n)) {
          return p.getParameterType();
        }
      }
    }
    return String.class;
  }

  static boolean hasPattern(MethodParameter p) {
    return p.hasParameterAnnotation(jakarta.validation.constraints.Pattern.class)
        || p.getParameterType() == Instant.class || p.getParameterType() == LocalDate.class;
  }

  static String query(Map<String, String> q) {
    if (q.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder("?");
    q.forEach((k, v) -> s.append(s.length() == 1 ? "" : "&").append(HttpProbe.enc(k)).append('=')
        .append(HttpProbe.enc(v)));
    return s.toString();
  }

  static byte[] json(Object o) {
    try {
      return JSON.writeValueAsBytes(o);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static JsonNode read(Answer a) {
    try {
      return JSON.readTree(a.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + a, e);
    }
  }

  static String abbreviate(String s) {
    return s.length() > 160 ? s.substring(0, 160) + "…" : s;
  }
}
