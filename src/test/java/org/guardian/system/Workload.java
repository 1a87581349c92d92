package org.guardian.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.guardian.Api;
import org.guardian.TestChildren;
import org.guardian.monitoring.ScoreItem;
import org.guardian.monitoring.UrgentItem;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A running load on one or more Guardian nodes, over HTTP as caseworkers do it: mandatory reports
 * ({@code POST /api/reports}), home visits and triages completed through {@code /engine-rest}. Each
 * request goes to a node chosen at random. Every step a node acknowledged (2xx) is written down, so
 * that a test can check it is still there after a crash; a request cut off by a killed node is
 * counted, not acknowledged.
 */
final class Workload {

  static final String VILLAGE = TestChildren.VILLAGE_101201;
  static final String DIRECTOR = "director-101201";
  static final String CHIEF = "chief-101";
  static final String REPORTER = "hospital";
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter ENGINE_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

  private final List<TestRestTemplate> nodes;

  /** Report numbers a node acknowledged (201). */
  final Set<String> reports = ConcurrentHashMap.newKeySet();
  /** Home visits acknowledged (204) per child file id. */
  final Map<Long, AtomicInteger> visits = new ConcurrentHashMap<>();
  /** Case process instances whose triage was acknowledged (204). */
  final Set<String> triaged = ConcurrentHashMap.newKeySet();
  /** Requests sent, requests cut off (no answer), answers that were not 2xx (conflicts, refusals). */
  final AtomicInteger sent = new AtomicInteger();
  final AtomicInteger cutOff = new AtomicInteger();
  final AtomicInteger refused = new AtomicInteger();
  final Map<Integer, AtomicInteger> refusedByStatus = new ConcurrentHashMap<>();

  private final List<Long> visitChildren = new ArrayList<>();
  /** Case process instances the load leaves alone (their timers are under test). */
  private final Set<String> untouchedCases = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean running = new AtomicBoolean();
  private final List<Thread> threads = new ArrayList<>();

  Workload(List<GuardianProcess> nodes) {
    this.nodes = nodes.stream().map(GuardianProcess::rest).toList();
  }

  /** Acknowledged (2xx) answers per node (index in the list of nodes). */
  final Map<Integer, AtomicInteger> servedBy = new ConcurrentHashMap<>();
  private final ThreadLocal<Integer> lastNode = ThreadLocal.withInitial(() -> 0);

  private TestRestTemplate anyNode() {
    int i = ThreadLocalRandom.current().nextInt(nodes.size());
    lastNode.set(i);
    return nodes.get(i);
  }

  Api as(String user) {
    return Api.as(anyNode(), user);
  }

  // ---- set-up (nodes up, failures fail the test) ----

  /** Registers a left-behind child of the village; returns its file id. */
  long registerChild() {
    Api.Response r = as(DIRECTOR).post("/api/children", TestChildren.leftBehind(VILLAGE));
    require(r, 201);
    return r.json().path("id").asLong();
  }

  /** Children whose home visits the load completes. */
  void visitChildren(List<Long> childIds) {
    visitChildren.addAll(childIds);
    childIds.forEach(id -> visits.putIfAbsent(id, new AtomicInteger()));
  }

  /** Files a report about an unregistered child of the village; returns its number. */
  String fileReport() {
    Api.Response r = as(REPORTER).post("/api/reports", unknownChildReport());
    require(r, 201);
    return r.json().path("number").asText();
  }

  /** The process instance of the case a report opened (the report is read by the county centre). */
  String caseProcessOf(String reportNumber) {
    Api.Response r = as("centre").get("/api/reports/" + reportNumber);
    require(r, 200);
    String caseNumber = r.json().path("caseNumber").asText();
    return processInstance("guardianship-case", caseNumber);
  }

  void leaveAlone(String caseProcessInstanceId) {
    untouchedCases.add(caseProcessInstanceId);
  }

  /** The running instance of the process with the business key (admin's engine REST). */
  String processInstance(String key, String businessKey) {
    Api.Response r = as("demo").get("/engine-rest/process-instance?processDefinitionKey=" + key
        + "&businessKey=" + businessKey);
    require(r, 200);
    if (r.json().size() != 1) {
      throw new AssertionError("one " + key + " instance expected for " + businessKey + ": " + r);
    }
    return r.json().get(0).path("id").asText();
  }

  /** The timer job of the instance at the activity. */
  String timerJob(String processInstanceId, String activityId) {
    Api.Response r = as("demo").get("/engine-rest/job?timers=true&processInstanceId="
        + processInstanceId + "&activityId=" + activityId);
    require(r, 200);
    if (r.json().size() != 1) {
      throw new AssertionError("one timer " + activityId + " expected: " + r);
    }
    return r.json().get(0).path("id").asText();
  }

  /**
   * A guardianship case whose closure is over and whose return visit timer waits (started before
   * the timer through engine REST, as an administrator may start an instance at an activity).
   */
  String caseAwaitingReturnVisit(String businessKey) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("villageCode", VILLAGE);
    vars.put("townshipCode", VILLAGE.substring(0, 9));
    vars.put("countyCode", VILLAGE.substring(0, 6));
    vars.put("caseNumber", businessKey);
    vars.put("returnVisitsDone", 0);
    vars.put("childLabel", "王**（8岁）");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("businessKey", businessKey);
    body.put("variables", variables(vars));
    body.put("startInstructions", List.of(Map.of("type", "startBeforeActivity",
        "activityId", "Timer_ReturnVisitDue")));
    Api.Response r = as("demo").post(
        "/engine-rest/process-definition/key/guardianship-case/start", body);
    require(r, 200);
    return r.json().path("id").asText();
  }

  /** Moves a timer job's due date (engine REST, as an administrator would). */
  void setDue(String jobId, Instant due) {
    Map<String, Object> body = Map.of("duedate", ENGINE_DATE.format(due));
    require(as("demo").put("/engine-rest/job/" + jobId + "/duedate", body), 204);
  }

  // ---- the running load ----

  /** Starts the load: report writers, one home visitor, triagers; runs until {@link #stop()}. */
  void start(int reportWriters, int triagers) {
    running.set(true);
    for (int i = 0; i < reportWriters; i++) {
      spawn("reports-" + i, this::oneReport);
    }
    spawn("visits", this::oneVisit);
    for (int i = 0; i < triagers; i++) {
      spawn("triage-" + i, this::oneTriage);
    }
  }

  void stop() {
    running.set(false);
    for (Thread t : threads) {
      try {
        t.join(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    threads.clear();
  }

  private void spawn(String name, Supplier<Boolean> step) {
    Thread t = new Thread(() -> {
      while (running.get()) {
        boolean worked;
        try {
          worked = step.get();
        } catch (org.springframework.web.client.ResourceAccessException e) {
          cutOff.incrementAndGet();
          worked = false;
        }
        if (!worked) {
          GuardianProcess.sleep(200);
        }
      }
    }, "load-" + name);
    t.setDaemon(true);
    threads.add(t);
    t.start();
  }

  private boolean oneReport() {
    Api.Response r = send(() -> as(REPORTER).post("/api/reports", unknownChildReport()));
    if (r.status() == 201) {
      reports.add(r.json().path("number").asText());
      return true;
    }
    return false;
  }

  private boolean oneVisit() {
    long child = visitChildren.get(ThreadLocalRandom.current().nextInt(visitChildren.size()));
    Api api = as(DIRECTOR);
    Api.Response found = send(() -> api.get("/engine-rest/task?processDefinitionKey=monitoring"
        + "&taskDefinitionKey=Task_HomeVisit&processInstanceBusinessKey=" + child));
    if (found.status() != 200 || found.json().isEmpty()) {
      return false;
    }
    String task = found.json().get(0).path("id").asText();
    Api.Response done = send(() -> as(DIRECTOR).post("/engine-rest/task/" + task + "/complete",
        Map.of("variables", variables(homeVisit()))));
    if (done.status() == 204) {
      visits.get(child).incrementAndGet();
      return true;
    }
    return false;
  }

  private boolean oneTriage() {
    Api.Response found = send(() -> as(CHIEF).get("/engine-rest/task?processDefinitionKey="
        + "guardianship-case&taskDefinitionKey=Task_TriageReport&maxResults=20"));
    if (found.status() != 200) {
      return false;
    }
    List<JsonNode> open = new ArrayList<>();
    found.json().forEach(t -> {
      if (!untouchedCases.contains(t.path("processInstanceId").asText())) {
        open.add(t);
      }
    });
    if (open.isEmpty()) {
      return false;
    }
    JsonNode task = open.get(ThreadLocalRandom.current().nextInt(open.size()));
    String id = task.path("id").asText();
    Api.Response priority = send(() -> as(CHIEF).get("/engine-rest/task/" + id
        + "/variables/computedPriority"));
    if (priority.status() != 200) {
      return false;
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("triageDecision", "unfounded");
    vars.put("triagePriority", priority.json().path("value").asText());
    vars.put("triageNote", "已电话核实，查无实据");
    Api.Response done = send(() -> as(CHIEF).post("/engine-rest/task/" + id + "/complete",
        Map.of("variables", variables(vars))));
    if (done.status() == 204) {
      triaged.add(task.path("processInstanceId").asText());
      return true;
    }
    return false;
  }

  private Api.Response send(Supplier<Api.Response> call) {
    sent.incrementAndGet();
    Api.Response r = call.get();
    if (r.status() < 300) {
      servedBy.computeIfAbsent(lastNode.get(), n -> new AtomicInteger()).incrementAndGet();
    } else {
      refused.incrementAndGet();
      refusedByStatus.computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
    }
    return r;
  }

  /**
   * Waits until the load got at least {@code each} more acknowledgements of every kind (reports,
   * visits, triages) than when called, so that a kill always cuts into work of every kind however
   * slow the machine.
   */
  void awaitAcknowledged(int each, java.time.Duration timeout) {
    int reports0 = reports.size();
    int visits0 = visitsAcknowledged();
    int triaged0 = triaged.size();
    long end = System.nanoTime() + timeout.toNanos();
    while (reports.size() < reports0 + each || visitsAcknowledged() < visits0 + each
        || triaged.size() < triaged0 + each) {
      if (System.nanoTime() > end) {
        throw new AssertionError("the load made too little progress within " + timeout + ": "
            + figures());
      }
      GuardianProcess.sleep(200);
    }
  }

  /** Acknowledged answers of the node so far. */
  int served(int node) {
    AtomicInteger n = servedBy.get(node);
    return n == null ? 0 : n.get();
  }

  int visitsAcknowledged() {
    return visits.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** One line of figures for the test's output and docs/reliability.md. */
  String figures() {
    return "requests " + sent.get() + ", acknowledged: reports " + reports.size() + ", visits "
        + visitsAcknowledged() + ", triages " + triaged.size() + "; cut off " + cutOff.get()
        + ", not 2xx " + refusedByStatus + ", 2xx per node " + servedBy;
  }

  // ---- bodies ----

  static Map<String, Object> unknownChildReport() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("organisationName", "青溪县人民医院");
    body.put("organisationType", "HOSPITAL");
    body.put("dutyType", "MANDATORY");
    body.put("childName", "未登记儿童" + ThreadLocalRandom.current().nextInt(1_000_000));
    body.put("childBirthDate", LocalDate.now(ZONE).minusYears(6).toString());
    body.put("villageCode", VILLAGE);
    body.put("neglect", true);
    body.put("description", "急诊接诊一名儿童，营养不良，陪同成年人说不清照料情况。");
    return body;
  }

  /** A left-behind child's home visit: low scores, nothing urgent (no early warning). */
  static Map<String, Object> homeVisit() {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("visitedOn", LocalDate.now(ZONE).toString());
    vars.put("seenChild", true);
    vars.put("seenGuardian", false);
    vars.put("seenCaregiver", true);
    vars.put("visitNotes", "儿童在家，精神状态良好。");
    for (ScoreItem item : ScoreItem.values()) {
      vars.put(item.key(), item.ordinal() == 0 ? 2 : 0);
    }
    for (UrgentItem item : UrgentItem.values()) {
      vars.put(item.key(), false);
    }
    vars.put("parentsWeeklyContact", "yes");
    vars.put("caregiverCapable", "yes");
    return vars;
  }

  static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> vars = new LinkedHashMap<>();
    values.forEach((k, v) -> vars.put(k, Map.of("value", v)));
    return vars;
  }

  private static void require(Api.Response r, int status) {
    if (r.status() != status) {
      throw new AssertionError("expected " + status + ": " + r);
    }
  }
}
