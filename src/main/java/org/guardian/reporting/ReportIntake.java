package org.guardian.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.guardian.audit.AuditAction;
import org.guardian.audit.AuditLog;
import org.guardian.common.FieldProblem;
import org.guardian.common.ForbiddenException;
import org.guardian.common.InvalidInputException;
import org.guardian.common.NotFoundException;
import org.guardian.people.Area;
import org.guardian.people.AreaLevel;
import org.guardian.people.Areas;
import org.guardian.people.CurrentUser;
import org.guardian.people.Role;
import org.guardian.registry.ChildService;
import org.guardian.registry.ResidentIdNumber;
import org.guardian.workflow.SystemEngineCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake of mandatory reports from every channel. A report is checked (nothing is written when
 * it is bad), then <b>stored first</b>, in a transaction of its own, so that it is never lost; then,
 * in a second transaction, it opens a case for the child or joins the child's open case ({@link
 * Cases#route}). Two reports about the same child arriving together are serialised by the unique
 * column {@code open_child_id}: the second one's insert fails, and its routing is retried, finds the
 * first one's case and joins it. A report whose routing keeps failing stays {@code RECEIVED} and is
 * routed again by {@link #routeUnrouted}.
 */
@Service
class ReportIntake {

  private static final Logger log = LoggerFactory.getLogger(ReportIntake.class);

  /** Who may file a report through the API: mandatory reporters and caseworkers. */
  static final Role[] REPORTERS = {Role.REPORTER, Role.CHILD_DIRECTOR, Role.CHILD_SUPERVISOR,
      Role.STATION_CHIEF, Role.LEGAL_OFFICER, Role.COUNTY_CENTRE, Role.SUPERVISOR, Role.ADMIN};
  /** Who may tell of children left without care by a detention: police accounts, legal officers. */
  static final Role[] POLICE = {Role.REPORTER, Role.LEGAL_OFFICER, Role.ADMIN};
  /** Who may read reports (within their area). */
  static final Role[] STAFF = {Role.CHILD_DIRECTOR, Role.CHILD_SUPERVISOR, Role.STATION_CHIEF,
      Role.LEGAL_OFFICER, Role.COUNTY_CENTRE, Role.SUPERVISOR, Role.ADMIN};

  static final int ROUTING_ATTEMPTS = 5;
  static final int MINOR_AGE_LIMIT = 18;

  private final ReportRepository reports;
  private final CaseRepository cases;
  private final Cases caseService;
  private final Numbers numbers;
  private final ChildService children;
  private final Areas areas;
  private final AuditLog audit;
  private final SystemEngineCalls engine;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  /** How long a stored report may wait for its routing before it is routed again. */
  private final Duration routeAgainAfter;

  ReportIntake(ReportRepository reports, CaseRepository cases, Cases caseService, Numbers numbers,
      ChildService children, Areas areas, AuditLog audit, SystemEngineCalls engine,
      PlatformTransactionManager transactions, Clock clock,
      @Value("${guardian.reporting.route-unrouted-after:PT1M}") Duration routeAgainAfter) {
    this.reports = reports;
    this.cases = cases;
    this.caseService = caseService;
    this.numbers = numbers;
    this.children = children;
    this.areas = areas;
    this.audit = audit;
    this.engine = engine;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.routeAgainAfter = routeAgainAfter;
  }

  /** A receipt for the reporter: the report number, when it was received and acknowledged. */
  record Receipt(String number, Instant receivedAt, Instant acknowledgedAt, ReportStatus status) {}

  /** A signed-in reporter's report ({@code POST /api/reports}). */
  Receipt fromReporter(NewReport report) {
    requireRole(REPORTERS, "当前角色不能提交强制报告");
    return receiveAll(List.of(report), "").get(0);
  }

  /** Police: the children a detained parent leaves without care, one report each. */
  List<Receipt> fromPolice(List<NewReport> childReports) {
    requireRole(POLICE, "只有公安机关或法治副站长可以提交羁押人员子女无人照料的报告");
    return receiveAll(childReports, "children");
  }

  /** The public report page (no login). */
  Receipt fromPublic(NewReport report) {
    return receiveAll(List.of(report), "").get(0);
  }

  /** The early warning of the monitoring: the child is known. Idempotent per warning. */
  void fromEarlyWarning(NewReport report) {
    if (reports.existsByEarlyWarningId(report.earlyWarningId())) {
      return;
    }
    try {
      receiveAll(List.of(report), "");
    } catch (DataAccessException e) {
      // the same warning delivered twice at once: the unique warning id kept one report
      log.info("early warning {} already reported", report.earlyWarningId());
    }
  }

  /**
   * A return visit after closure found renewed risk: a report about the child opens a new case,
   * linked to the closed one by {@code followsCaseNumber}.
   */
  Receipt fromReturnVisit(NewReport report, String followsCaseNumber) {
    Receipt receipt = receiveAll(List.of(report), "").get(0);
    ownTransaction.executeWithoutResult(s -> reports.findByNumber(receipt.number())
        .ifPresent(r -> r.follows(followsCaseNumber)));
    return receipt;
  }

  /** Checks every report (nothing is stored if one is bad), then stores and routes each. */
  private List<Receipt> receiveAll(List<NewReport> batch, String listField) {
    List<FieldProblem> problems = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      String prefix = listField.isEmpty() ? "" : listField + "[" + i + "].";
      problems.addAll(check(batch.get(i), prefix));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    List<Long> stored = new ArrayList<>();
    for (NewReport r : batch) {
      stored.add(ownTransaction.execute(s -> store(r)));
    }
    List<Receipt> receipts = new ArrayList<>();
    for (long id : stored) {
      route(id);
      receipts.add(receipt(id));
    }
    return receipts;
  }

  /** Rules a report must meet beyond its request's field rules. */
  List<FieldProblem> check(NewReport r, String prefix) {
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate today = LocalDate.now(clock);
    boolean village = r.villageCode() != null && !r.villageCode().isBlank();
    boolean township = r.townshipCode() != null && !r.townshipCode().isBlank();
    if (!village && !township) {
      problems.add(new FieldProblem(prefix + "villageCode",
          "请填写儿童所在的村（社区），不清楚时至少填写乡镇（街道）"));
    }
    if (village && !areas.isVillage(r.villageCode())) {
      problems.add(new FieldProblem(prefix + "villageCode", "不是已登记的村（社区）行政区划代码"));
    }
    if (township && !isTownship(r.townshipCode())) {
      problems.add(new FieldProblem(prefix + "townshipCode", "不是已登记的乡镇（街道）行政区划代码"));
    }
    if (village && township && !r.villageCode().startsWith(r.townshipCode())) {
      problems.add(new FieldProblem(prefix + "villageCode", "该村（社区）不属于所填写的乡镇（街道）"));
    }
    String idNumber = ResidentIdNumber.normalise(r.childIdNumber());
    boolean hasId = idNumber != null && !idNumber.isBlank();
    if (hasId) {
      ResidentIdNumber.problem(idNumber).ifPresentOrElse(
          p -> problems.add(new FieldProblem(prefix + "childIdNumber", p)),
          () -> {
            if (r.childBirthDate() != null
                && !ResidentIdNumber.birthDate(idNumber).orElseThrow().equals(r.childBirthDate())) {
              problems.add(new FieldProblem(prefix + "childBirthDate", "与身份证号码中的出生日期不一致"));
            }
          });
    }
    if (r.childBirthDate() != null) {
      if (r.childBirthDate().isAfter(today)) {
        problems.add(new FieldProblem(prefix + "childBirthDate", "不能晚于今天"));
      } else if (!r.childBirthDate().isAfter(today.minusYears(MINOR_AGE_LIMIT))) {
        problems.add(new FieldProblem(prefix + "childBirthDate", "报告对象应为未满18周岁的未成年人"));
      }
    }
    boolean named = r.childName() != null && !r.childName().isBlank();
    if ((r.channel() == ReportChannel.REPORTER_API || r.channel() == ReportChannel.POLICE_DETENTION)
        && !named && !hasId) {
      problems.add(new FieldProblem(prefix + "childName", "请至少填写儿童姓名或身份证号码之一"));
    }
    if (r.description() == null || r.description().isBlank()) {
      problems.add(new FieldProblem(prefix + "description", "请描述发现的情况"));
    }
    return problems;
  }

  private boolean isTownship(String code) {
    return areas.find(code).map(Area::getLevel).map(l -> l == AreaLevel.TOWNSHIP).orElse(false);
  }

  /** Stores the report and matches it to the child's file (in the caller's new transaction). */
  private long store(NewReport r) {
    Report report = new Report(numbers.nextReportNumber(), r, clock.instant());
    if (r.knownChildId() != null) {
      children.reference(r.knownChildId())
          .ifPresent(c -> report.matchChild(c.id(), "EARLY_WARNING"));
    } else {
      children.findForReport(r.childIdNumber(), r.childName(), r.childBirthDate(),
          report.getVillageCode()).ifPresent(m -> report.matchChild(m.child().id(), m.by().name()));
    }
    reports.saveAndFlush(report);
    audit.record(AuditAction.REPORT_RECEIVED, report.getChildId(), report.areaCode(),
        "report=" + report.getNumber() + "; channel=" + report.getChannel());
    return report.getId();
  }

  /**
   * Opens or joins the case of a stored report, retrying on the conflicts of concurrent reports.
   * Engine calls are made on the system's account ({@link SystemEngineCalls}).
   */
  void route(long reportId) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= ROUTING_ATTEMPTS; attempt++) {
      try {
        engine.run(() -> ownTransaction.executeWithoutResult(s -> caseService.route(reportId)));
        return;
      } catch (DataAccessException | OptimisticLockingException
          | MismatchingMessageCorrelationException | TransactionException e) {
        // a concurrent report about the same child, or the child's case closing meanwhile
        last = e;
        pause(attempt);
      } catch (RuntimeException e) {
        last = e;
        break;
      }
    }
    log.error("report id {} stored but not yet attached to a case ({}); it will be routed again",
        reportId, last.getClass().getSimpleName(), last);
  }

  /**
   * Routes the reports whose routing failed before or was cut off (the node stopped between storing
   * and routing), stored more than {@code guardian.reporting.route-unrouted-after} ago (default a
   * minute). Routing twice is harmless: a routed report is skipped, and of two nodes routing the
   * same report at once one fails on the report's version and its retry finds the report routed.
   */
  int routeUnrouted() {
    List<Report> waiting = reports.findByStatusAndReceivedAtBefore(ReportStatus.RECEIVED,
        clock.instant().minus(routeAgainAfter));
    for (Report r : waiting) {
      route(r.getId());
    }
    return waiting.size();
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(20L * attempt + (long) (Math.random() * 30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Receipt receipt(long id) {
    Report r = reports.findById(id).orElseThrow();
    return new Receipt(r.getNumber(), r.getReceivedAt(), r.getAcknowledgedAt(), r.getStatus());
  }

  /** A report as authorised staff read it (audited). Other areas: 404; other roles: 403. */
  ReportView read(String number) {
    return ownTransaction.execute(s -> {
      CurrentUser user = requireRole(STAFF, "当前角色无权查看报告");
      Report r = reports.findByNumber(number)
          .orElseThrow(() -> new NotFoundException("报告不存在"));
      if (!user.covers(r.areaCode())) {
        audit.recordSeparately(AuditAction.CHILD_ACCESS_DENIED, r.getChildId(), r.areaCode(),
            "report out of area");
        throw new NotFoundException("报告不存在");
      }
      audit.record(AuditAction.REPORT_READ, r.getChildId(), r.areaCode(),
          "report=" + r.getNumber());
      CaseFile c = r.getCaseId() == null ? null : cases.findById(r.getCaseId()).orElse(null);
      return ReportView.of(r, c);
    });
  }

  private static CurrentUser requireRole(Role[] roles, String message) {
    CurrentUser user = CurrentUser.get();
    if (!user.hasAnyRole(roles)) {
      throw new ForbiddenException(message);
    }
    return user;
  }
}
