package org.guardian.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.guardian.audit.AuditAction;
import org.guardian.audit.AuditLog;
import org.guardian.common.ForbiddenException;
import org.guardian.common.InvalidInputException;
import org.guardian.common.FieldProblem;
import org.guardian.common.NotFoundException;
import org.guardian.people.Area;
import org.guardian.people.AreaLevel;
import org.guardian.people.Areas;
import org.guardian.people.CurrentUser;
import org.guardian.people.Role;
import org.guardian.registry.Category;
import org.guardian.registry.ChildLabel;
import org.guardian.supervision.Dashboard.CaseRow;
import org.guardian.supervision.Dashboard.Stage;
import org.guardian.supervision.Dashboard.Summary;
import org.guardian.supervision.Dashboard.Where;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The supervisor dashboard ({@code /dashboard}, a page) and the JSON behind it ({@code
 * /dashboard/api/...}), both on the web session (the same login as the Camunda webapps), GET only.
 *
 * <p>Who may look: supervisors (township or county), station chiefs (their township), the county
 * centre and administrators; everyone else gets 403 (child directors and child supervisors work
 * from their Tasklist filters; policy team and reporters see no children). An area outside the
 * viewer's own is answered 404, as everywhere in Guardian. Every view of the dashboard and of a
 * list behind it is audited.
 */
@Controller
class DashboardController {

  static final String COCKPIT = "/camunda/app/cockpit/default/#/process-instance/";
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
  static final Role[] VIEWERS = {Role.SUPERVISOR, Role.STATION_CHIEF, Role.COUNTY_CENTRE,
      Role.ADMIN};

  private final Dashboard dashboard;
  private final Areas areas;
  private final AuditLog audit;
  private final TaskService tasks;

  DashboardController(Dashboard dashboard, Areas areas, AuditLog audit, TaskService tasks) {
    this.dashboard = dashboard;
    this.areas = areas;
    this.audit = audit;
    this.tasks = tasks;
  }

  /** One cell of a list: a text, and a link when there is something behind it. */
  record Cell(String text, String href) {
    static Cell of(Object text) {
      return new Cell(text == null ? "" : text.toString(), null);
    }
  }

  /** A list behind a figure, as the page shows it and the API returns it. */
  record ListView(String kind, String title, String areaCode, String areaName,
      List<String> columns, List<List<Cell>> rows, boolean truncated) {
    ListView(String kind, String title, String areaCode, String areaName, List<String> columns,
        List<List<Cell>> rows) {
      this(kind, title, areaCode, areaName, columns, rows, false);
    }

    /** At most {@link Dashboard#LIST_ROWS} rows; truncated says there were more. */
    ListView limited() {
      return rows.size() <= Dashboard.LIST_ROWS ? this : new ListView(kind, title, areaCode,
          areaName, columns, rows.subList(0, Dashboard.LIST_ROWS), true);
    }
  }

  /** A step of the drill-down path (county → township → village). */
  record Crumb(String code, String name) {}

  @GetMapping("/dashboard")
  @Transactional
  String page(@RequestParam(required = false) String area,
      @RequestParam(defaultValue = "30") int days, Model model) {
    Summary summary = summary(area, days);
    model.addAttribute("s", summary);
    model.addAttribute("crumbs", crumbs(summary.areaCode()));
    model.addAttribute("user", CurrentUser.get().id());
    List<CaseRow> cases = summary.level().equals(AreaLevel.VILLAGE.name())
        ? dashboard.openCases(new Where(summary.areaCode(), AreaLevel.VILLAGE)) : List.of();
    model.addAttribute("cases", cases);
    model.addAttribute("cockpit", COCKPIT);
    model.addAttribute("nationalExport", CurrentUser.get().hasAnyRole(NationalExport.EXPORTERS));
    return "dashboard";
  }

  @GetMapping(path = "/dashboard/api/summary", produces = "application/json")
  @ResponseBody
  @Transactional
  Summary api(@RequestParam(required = false) String area,
      @RequestParam(defaultValue = "30") int days) {
    return summary(area, days);
  }

  @GetMapping("/dashboard/list/{kind}")
  @Transactional
  String listPage(@PathVariable String kind, @RequestParam Map<String, String> params,
      Model model) {
    ListView list = list(kind, params);
    model.addAttribute("list", list);
    model.addAttribute("crumbs", crumbs(list.areaCode()));
    model.addAttribute("user", CurrentUser.get().id());
    return "dashboard-list";
  }

  @GetMapping(path = "/dashboard/api/list/{kind}", produces = "application/json")
  @ResponseBody
  @Transactional
  ListView listApi(@PathVariable String kind, @RequestParam Map<String, String> params) {
    return list(kind, params);
  }

  private Summary summary(String areaCode, int days) {
    if (days < 1 || days > 366) {
      throw new InvalidInputException(List.of(new FieldProblem("days", "统计周期应为1至366天")));
    }
    Area area = resolve(areaCode);
    Summary s = dashboard.summary(area, subAreas(area), days);
    audit.record(AuditAction.DASHBOARD_VIEWED, null, area.getCode(), "days=" + days);
    return s;
  }

  private List<Area> subAreas(Area area) {
    return area.getLevel() == AreaLevel.VILLAGE ? List.of() : areas.childrenOf(area.getCode());
  }

  /** The area asked for (default: the viewer's own), after the role and area checks. */
  Area resolve(String areaCode) {
    CurrentUser user = CurrentUser.get();
    if (!user.hasAnyRole(VIEWERS)) {
      audit.recordSeparately(AuditAction.DASHBOARD_ACCESS_DENIED, null, areaCode, "role");
      throw new ForbiddenException("督导看板仅向督导管理人员、工作站站长和县救助保护中心开放");
    }
    String code = areaCode;
    if (code == null || code.isBlank()) {
      code = user.areaCodes().stream().min(Comparator.comparingInt(String::length))
          .orElseGet(() -> areas.all(AreaLevel.COUNTY).stream().findFirst()
              .map(Area::getCode).orElseThrow(() -> new NotFoundException("辖区")));
    }
    String wanted = code;
    Area area = areas.find(wanted).filter(a -> user.covers(a.getCode()))
        .orElseThrow(() -> new NotFoundException("辖区 " + wanted));
    return area;
  }

  private List<Crumb> crumbs(String code) {
    List<Crumb> crumbs = new ArrayList<>();
    CurrentUser user = CurrentUser.get();
    for (int len : new int[] {6, 9, 12}) {
      if (code.length() >= len) {
        String c = code.substring(0, len);
        areas.find(c).filter(a -> user.covers(a.getCode()))
            .ifPresent(a -> crumbs.add(new Crumb(a.getCode(), a.getName())));
      }
    }
    return crumbs;
  }

  ListView list(String kind, Map<String, String> params) {
    Area area = resolve(params.get("area"));
    Where w = Where.of(area);
    ListView view = (switch (kind) {
      case "children" -> children(area, w, params.get("category"),
          !"false".equals(params.get("monitored")), params.get("fileStatus"));
      case "risk" -> risk(area, w, required(params, "colour"));
      case "cases" -> cases(area, w, params);
      case "tasks" -> overdueTasks(area, w, required(params, "kind"));
      case "late-reports" -> lateReports(area, w, days(params));
      case "temporary-guardianship" -> temporaryGuardianship(area, w);
      case "long-term-guardianship" -> longTermGuardianship(area, w);
      case "orders" -> orders(area, w, params);
      case "late-visits" -> lateVisits(area, w, days(params));
      case "stage-times" -> stageTimes(area, w, required(params, "span"), days(params));
      default -> throw new NotFoundException("列表 " + kind);
    }).limited();
    audit.record(AuditAction.DASHBOARD_LIST_VIEWED, null, area.getCode(),
        "list=" + kind + " rows=" + view.rows().size());
    return view;
  }

  private static String required(Map<String, String> params, String name) {
    String v = params.get(name);
    if (v == null || v.isBlank()) {
      throw new InvalidInputException(List.of(new FieldProblem(name, "必填")));
    }
    return v;
  }

  private static int days(Map<String, String> params) {
    try {
      int d = Integer.parseInt(params.getOrDefault("days", "30"));
      if (d >= 1 && d <= 366) {
        return d;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new InvalidInputException(List.of(new FieldProblem("days", "统计周期应为1至366天")));
  }

  private String villageName(Object code) {
    return code == null ? "" : areas.find(code.toString()).map(Area::getName)
        .orElse(code.toString());
  }

  /** The name of a row's village, or of its township where the village is not known. */
  private String areaName(Map<String, Object> row) {
    return villageName(row.get("village_code") == null ? row.get("township_code")
        : row.get("village_code"));
  }

  private String label(Map<String, Object> row) {
    Object name = row.get("name");
    Object birth = row.get("birth_date");
    if (name == null || birth == null) {
      return "档案 " + row.getOrDefault("child_id", row.get("id"));
    }
    LocalDate born = birth instanceof java.sql.Date d ? d.toLocalDate()
        : LocalDate.parse(birth.toString());
    int age = Period.between(born, LocalDate.ofInstant(dashboard.now(), ZONE)).getYears();
    return ChildLabel.of(name.toString(), age, villageName(row.get("village_code")));
  }

  private ListView children(Area area, Where w, String category, boolean monitored,
      String fileStatus) {
    String statusLabel = "";
    if (fileStatus != null) {
      try {
        statusLabel = "（" + org.guardian.registry.FileStatus.valueOf(fileStatus).label() + "）";
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(List.of(new FieldProblem("fileStatus", "未知档案状态")));
      }
    }
    String categoryLabel = "";
    if (category != null) {
      try {
        categoryLabel = Category.valueOf(category).label();
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(List.of(new FieldProblem("category", "未知类别")));
      }
    }
    List<List<Cell>> rows = new ArrayList<>();
    for (Map<String, Object> r : dashboard.children(w, category, monitored, fileStatus)) {
      rows.add(List.of(Cell.of(r.get("id")), Cell.of(label(r)),
          Cell.of(villageName(r.get("village_code"))), Cell.of(fileStatus(r.get("file_status")))));
    }
    return new ListView("children", (monitored ? "监测中的" : "登记的") + categoryLabel
        + (categoryLabel.isEmpty() ? "儿童" : "") + statusLabel, area.getCode(), area.getName(),
        List.of("档案号", "儿童", "村（社区）", "档案状态"), rows);
  }

  private static String fileStatus(Object status) {
    try {
      return status == null ? "" : org.guardian.registry.FileStatus.valueOf(status.toString())
          .label();
    } catch (IllegalArgumentException e) {
      return status.toString();
    }
  }

  private ListView risk(Area area, Where w, String colour) {
    if (!Dashboard.COLOURS.contains(colour)) {
      throw new InvalidInputException(List.of(new FieldProblem("colour", "应为 red、yellow、blue、green")));
    }
    List<List<Cell>> rows = new ArrayList<>();
    for (Map<String, Object> r : dashboard.childrenOfColour(w, colour)) {
      rows.add(List.of(Cell.of(r.get("child_id")), Cell.of(label(r)),
          Cell.of(villageName(r.get("village_code"))), Cell.of(r.get("case_number")),
          Cell.of(fmt(Dashboard.instantOf(r.get("confirmed_at"))))));
    }
    return new ListView("risk", colourLabel(colour) + "风险儿童", area.getCode(), area.getName(),
        List.of("档案号", "儿童", "村（社区）", "案件编号", "确认时间"), rows);
  }

  static String colourLabel(String colour) {
    return switch (colour) {
      case "red" -> "红色（极危）";
      case "yellow" -> "黄色（中危）";
      case "blue" -> "蓝色（一般）";
      case "green" -> "绿色（无明显风险）";
      default -> colour;
    };
  }

  private ListView cases(Area area, Where w, Map<String, String> params) {
    String period = params.get("period");
    List<CaseRow> rows;
    String title;
    if (period != null) {
      boolean closed = switch (period) {
        case "opened" -> false;
        case "closed" -> true;
        default -> throw new InvalidInputException(
            List.of(new FieldProblem("period", "应为 opened 或 closed")));
      };
      int days = days(params);
      rows = dashboard.casesInPeriod(w, closed, days);
      title = "近" + days + "天" + (closed ? "结案" : "立案") + "的案件";
    } else {
      String stage = params.get("stage");
      Stage s = null;
      if (stage != null) {
        try {
          s = Stage.valueOf(stage);
        } catch (IllegalArgumentException e) {
          throw new InvalidInputException(List.of(new FieldProblem("stage", "未知环节")));
        }
      }
      Stage wanted = s;
      rows = dashboard.openCases(w).stream().filter(c -> wanted == null || c.stage() == wanted)
          .toList();
      title = wanted == null ? "在办案件" : "处于“" + wanted.label() + "”环节的案件";
    }
    List<List<Cell>> cells = new ArrayList<>();
    for (CaseRow c : rows) {
      cells.add(List.of(
          c.processInstanceId() == null ? Cell.of(c.number())
              : new Cell(c.number(), COCKPIT + c.processInstanceId()),
          Cell.of(c.stage() == null ? statusLabel(c.status()) : c.stage().label()),
          Cell.of(c.villageCode() == null ? villageName(c.townshipCode())
              : villageName(c.villageCode())),
          Cell.of(c.riskColour() == null ? "" : colourLabel(c.riskColour())),
          Cell.of(fmt(c.openedAt())), Cell.of(fmt(c.closedAt()))));
    }
    return new ListView("cases", title, area.getCode(), area.getName(),
        List.of("案件编号（流程实例）", "环节", "地区", "风险等级", "立案时间", "结案时间"), cells);
  }

  static String statusLabel(String status) {
    return switch (status) {
      case "OPEN" -> "在办";
      case "HANDED_OVER" -> "已移交帮扶干预";
      case "CLOSED" -> "已结案";
      case "MERGED" -> "已合并";
      default -> status;
    };
  }

  private ListView overdueTasks(Area area, Where w, String kind) {
    Instant now = dashboard.now();
    if (!Dashboard.OVERDUE_KINDS.contains(kind)) {
      throw new InvalidInputException(List.of(new FieldProblem("kind",
          "应为 " + String.join("、", Dashboard.OVERDUE_KINDS))));
    }
    List<Task> list = dashboard.overdueQuery(w, kind, now).orderByDueDate().asc()
        .listPage(0, kind.equals("other") ? 10 * Dashboard.LIST_ROWS : Dashboard.LIST_ROWS + 1)
        .stream()
        .filter(t -> !kind.equals("other") || Dashboard.overdueKindOf(t.getProcessDefinitionId(),
            t.getTaskDefinitionKey()).equals("other"))
        .limit(Dashboard.LIST_ROWS + 1).toList();
    List<List<Cell>> rows = new ArrayList<>();
    for (Task t : list) {
      List<String> groups = tasks.getIdentityLinksForTask(t.getId()).stream()
          .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
          .map(IdentityLink::getGroupId).sorted().toList();
      long daysLate = java.time.Duration.between(t.getDueDate().toInstant(), now).toDays();
      rows.add(List.of(new Cell(t.getName(), COCKPIT + t.getProcessInstanceId()),
          Cell.of(fmt(t.getDueDate().toInstant())), Cell.of(daysLate),
          Cell.of(String.join("、", groups)),
          Cell.of(t.getAssignee() == null ? "未认领" : t.getAssignee())));
    }
    String title = Dashboard.overdueOf(kind, 0).label();
    return new ListView("tasks", title, area.getCode(), area.getName(),
        List.of("任务（流程实例）", "截止时间", "逾期天数", "负责组", "办理人"), rows);
  }

  private ListView lateReports(Area area, Where w, int days) {
    List<List<Cell>> rows = new ArrayList<>();
    for (Map<String, Object> r : dashboard.lateReports(w, days)) {
      Instant ack = Dashboard.instantOf(r.get("acknowledged_at"));
      rows.add(List.of(new Cell(String.valueOf(r.get("number")), "/reports/" + r.get("number")),
          Cell.of(r.get("channel")),
          Cell.of(fmt(Dashboard.instantOf(r.get("received_at")))),
          Cell.of(ack == null ? "未受理" : fmt(ack)),
          Cell.of(areaName(r))));
    }
    return new ListView("late-reports", "未在时限（" + dashboard.acknowledgeWithin().toHours()
        + "小时）内受理的报告", area.getCode(), area.getName(),
        List.of("报告编号", "渠道", "接报时间", "受理时间", "地区"), rows);
  }

  private ListView temporaryGuardianship(Area area, Where w) {
    List<List<Cell>> rows = new ArrayList<>();
    for (Map<String, Object> r : dashboard.temporaryGuardianships(w)) {
      rows.add(List.of(Cell.of(r.get("case_number")), Cell.of(r.get("child_id")),
          Cell.of(areaName(r)),
          Cell.of(fmt(Dashboard.instantOf(r.get("decided_at")))), Cell.of(r.get("reviews"))));
    }
    return new ListView("temporary-guardianship", "临时监护中的儿童", area.getCode(),
        area.getName(), List.of("案件编号", "档案号", "地区", "决定时间", "复查次数"), rows);
  }

  private ListView longTermGuardianship(Area area, Where w) {
    List<List<Cell>> rows = new ArrayList<>();
    for (Map<String, Object> r : dashboard.longTermGuardianships(w)) {
      rows.add(List.of(Cell.of(r.get("case_number")), Cell.of(r.get("child_id")),
          Cell.of(areaName(r)),
          Cell.of(r.get("issued_on"))));
    }
    return new ListView("long-term-guardianship", "长期监护中的儿童", area.getCode(),
        area.getName(), List.of("案件编号", "档案号", "地区", "决定日期"), rows);
  }

  private ListView orders(Area area, Where w, Map<String, String> params) {
    String status = params.get("status");
    String kind = params.get("kind");
    String title;
    if (status != null) {
      title = switch (status) {
        case "APPLIED" -> "待法院裁定的申请（人身安全保护令、撤销监护人资格）";
        case "GRANTED" -> "有效的人身安全保护令";
        default -> throw new InvalidInputException(
            List.of(new FieldProblem("status", "应为 APPLIED 或 GRANTED")));
      };
    } else {
      try {
        title = "近" + days(params) + "天的"
            + org.guardian.intervention.OrderKind.valueOf(required(params, "kind")).label();
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(List.of(new FieldProblem("kind", "未知干预措施")));
      }
    }
    List<List<Cell>> rows = new ArrayList<>();
    for (Map<String, Object> r : dashboard.orders(w, kind, status, days(params))) {
      Object pid = r.get("process_instance_id");
      rows.add(List.of(pid == null ? Cell.of(r.get("case_number"))
              : new Cell(String.valueOf(r.get("case_number")), COCKPIT + pid),
          Cell.of(r.get("child_id")), Cell.of(orderKindLabel(r.get("kind"))),
          Cell.of(orderStatusLabel(r.get("status"))), Cell.of(r.get("issuer")),
          Cell.of(r.get("issued_on")), Cell.of(r.get("valid_until")),
          Cell.of(areaName(r))));
    }
    return new ListView("orders", title, area.getCode(), area.getName(), List.of(
        "案件编号（流程实例）", "档案号", "措施", "状态", "决定机关", "日期", "有效期至", "地区"),
        rows);
  }

  private static String orderKindLabel(Object kind) {
    try {
      return org.guardian.intervention.OrderKind.valueOf(String.valueOf(kind)).label();
    } catch (IllegalArgumentException e) {
      return String.valueOf(kind);
    }
  }

  static String orderStatusLabel(Object status) {
    return switch (String.valueOf(status)) {
      case "ISSUED" -> "已发出";
      case "APPLIED" -> "已申请，待裁定";
      case "GRANTED" -> "已准予";
      case "REFUSED" -> "已驳回";
      case "COMPLIED" -> "已履行";
      case "NOT_COMPLIED" -> "未履行";
      case "NOT_RENEWED" -> "不再延长";
      case "IN_FORCE" -> "生效中";
      default -> String.valueOf(status);
    };
  }

  private ListView stageTimes(Area area, Where w, String key, int days) {
    Dashboard.Span span = Dashboard.SPANS.stream().filter(s -> s.key().equals(key)).findFirst()
        .orElseThrow(() -> new InvalidInputException(List.of(new FieldProblem("span",
            "应为 " + String.join("、", Dashboard.SPANS.stream().map(Dashboard.Span::key)
                .toList())))));
    List<List<Cell>> rows = new ArrayList<>();
    for (Dashboard.SpanCase c : dashboard.casesOfSpan(w, span, days)) {
      Instant start = c.moments()[span.start()];
      Instant end = c.moments()[span.end()];
      rows.add(List.of(c.processInstanceId() == null ? Cell.of(c.number())
              : new Cell(c.number(), COCKPIT + c.processInstanceId()),
          Cell.of(villageName(c.villageCode() == null ? c.townshipCode() : c.villageCode())),
          Cell.of(fmt(start)), Cell.of(fmt(end)),
          Cell.of(Math.round(java.time.Duration.between(start, end).toMinutes() / 6.0) / 10.0)));
    }
    return new ListView("stage-times", "近" + days + "天" + span.label() + "的用时",
        area.getCode(), area.getName(), List.of("案件编号（流程实例）", "地区", "开始", "结束",
            "用时（小时）"), rows);
  }

  private ListView lateVisits(Area area, Where w, int days) {
    List<List<Cell>> rows = new ArrayList<>();
    for (Map<String, Object> r : dashboard.lateVisits(w, days)) {
      rows.add(List.of(Cell.of(r.get("child_id")), Cell.of(label(r)),
          Cell.of(villageName(r.get("village_code"))), Cell.of(r.get("due_on")),
          Cell.of(r.get("visited_on")), Cell.of(r.get("recorded_by"))));
    }
    return new ListView("late-visits", "近" + days + "天未按时完成的走访", area.getCode(),
        area.getName(), List.of("档案号", "儿童", "村（社区）", "应走访日期", "走访日期", "记录人"),
        rows);
  }

  private static String fmt(Instant at) {
    return at == null ? "" : TIME.format(at);
  }
}
