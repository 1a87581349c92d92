package org.guardian.supervision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.guardian.audit.AuditAction;
import org.guardian.audit.AuditLog;
import org.guardian.common.InvalidInputException;
import org.guardian.common.NotFoundException;
import org.guardian.people.Area;
import org.guardian.people.AreaLevel;
import org.guardian.people.Areas;
import org.guardian.supervision.Dashboard.PeriodStatistics;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monthly statistics table and the annual report of an area, one row per sub-area and a total
 * row for the area, downloadable as CSV (UTF-8 with a byte order mark, so that spreadsheet programs
 * read the Chinese headers), as a spreadsheet (.xlsx, numbers as numbers) and as PDF (A4 landscape,
 * an embedded Chinese font, see {@link StatisticsPdf}). All three are rendered from the same {@link
 * Table}. Same access rules as the dashboard; every export is audited.
 */
@RestController
class StatisticsExport {

  static final List<String> HEADERS = List.of("地区代码", "地区", "登记儿童", "监测中儿童",
      "接报数", "按时受理数", "按时受理率(%)", "立案数", "结案数", "办结率(%)", "当前逾期走访",
      "红色", "黄色", "蓝色", "绿色", "新增临时监护", "临时监护中", "监护干预措施", "长期监护中");

  static final List<String> FORMATS = List.of("csv", "xlsx", "pdf");

  static final MediaType XLSX = MediaType.parseMediaType(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  /** What a statistics download holds, whatever its format. */
  record Table(String title, String period, List<String> headers, List<List<Object>> rows,
      List<String> notes) {}

  private final Dashboard dashboard;
  private final DashboardController access;
  private final Areas areas;
  private final AuditLog audit;
  private final StatisticsPdf pdf;

  StatisticsExport(Dashboard dashboard, DashboardController access, Areas areas, AuditLog audit,
      StatisticsPdf pdf) {
    this.dashboard = dashboard;
    this.access = access;
    this.areas = areas;
    this.audit = audit;
    this.pdf = pdf;
  }

  /** The month's table, e.g. {@code monthly.xlsx?month=2026-10}; default: the current month. */
  @GetMapping(path = "/dashboard/export/monthly.{format}")
  @Transactional
  ResponseEntity<byte[]> monthly(@PathVariable String format,
      @RequestParam(required = false) String area, @RequestParam(required = false) String month) {
    checkFormat(format);
    YearMonth m;
    try {
      m = month == null ? YearMonth.from(LocalDate.ofInstant(dashboard.now(),
          DashboardController.ZONE)) : YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of("month", "格式应为 yyyy-MM");
    }
    Area a = access.resolve(area);
    Instant from = m.atDay(1).atStartOfDay(DashboardController.ZONE).toInstant();
    Instant to = m.plusMonths(1).atDay(1).atStartOfDay(DashboardController.ZONE).toInstant();
    Table table = table(a, from, to, a.getName() + " " + m.getYear() + "年" + m.getMonthValue()
        + "月 儿童关爱保护统计表", m.atDay(1) + " 至 " + m.atEndOfMonth());
    audit.record(AuditAction.STATISTICS_EXPORTED, null, a.getCode(), "monthly " + m + " "
        + format);
    return render(table, format, "monthly-" + a.getCode() + "-" + m);
  }

  /**
   * The annual report: the reporting year runs from 1 October of the year before to 30 September
   * (the city bureau's deadline for the report is 30 October), e.g. {@code annual.pdf?year=2026}.
   */
  @GetMapping(path = "/dashboard/export/annual.{format}")
  @Transactional
  ResponseEntity<byte[]> annual(@PathVariable String format,
      @RequestParam(required = false) String area, @RequestParam(required = false) Integer year) {
    checkFormat(format);
    int y = year == null ? LocalDate.ofInstant(dashboard.now(), DashboardController.ZONE)
        .getYear() : year;
    if (y < 2000 || y > 2100) {
      throw InvalidInputException.of("year", "年份应在2000至2100之间");
    }
    Area a = access.resolve(area);
    LocalDate first = LocalDate.of(y - 1, 10, 1);
    LocalDate next = LocalDate.of(y, 10, 1);
    Instant from = first.atStartOfDay(DashboardController.ZONE).toInstant();
    Instant to = next.atStartOfDay(DashboardController.ZONE).toInstant();
    Table table = table(a, from, to, a.getName() + " " + y + "年度 儿童关爱保护工作年度报告",
        first + " 至 " + next.minusDays(1) + "（报送市局截止：" + y + "年10月30日）");
    audit.record(AuditAction.STATISTICS_EXPORTED, null, a.getCode(), "annual " + y + " " + format);
    return render(table, format, "annual-" + a.getCode() + "-" + y);
  }

  private static void checkFormat(String format) {
    if (!FORMATS.contains(format)) {
      throw new NotFoundException("导出格式 " + format + "（可用：csv、xlsx、pdf）");
    }
  }

  /** The rows of an area over a period: its sub-areas, then the area itself as the total. */
  Table table(Area area, Instant from, Instant to, String title, String period) {
    List<PeriodStatistics> stats = new ArrayList<>();
    if (area.getLevel() != AreaLevel.VILLAGE) {
      for (Area sub : areas.childrenOf(area.getCode())) {
        stats.add(dashboard.periodStatistics(sub, from, to));
      }
    }
    stats.add(dashboard.periodStatistics(area, from, to));
    List<List<Object>> rows = new ArrayList<>();
    for (PeriodStatistics s : stats) {
      List<Object> row = new ArrayList<>();
      row.add(s.areaCode());
      row.add(s.areaCode().equals(area.getCode()) ? s.areaName() + "（合计）" : s.areaName());
      row.add(s.registeredChildren());
      row.add(s.monitoredChildren());
      row.add(s.reportsReceived());
      row.add(s.reportsAcknowledgedInTime());
      row.add(percent(s.reportsAcknowledgedInTime(), s.reportsReceived()));
      row.add(s.casesOpened());
      row.add(s.casesClosed());
      row.add(percent(s.casesClosed(), s.casesOpened()));
      row.add(s.overdueVisits());
      row.add(s.red());
      row.add(s.yellow());
      row.add(s.blue());
      row.add(s.green());
      row.add(s.temporaryGuardianshipsStarted());
      row.add(s.temporaryGuardianshipsActive());
      row.add(s.ordersRecorded());
      row.add(s.longTermGuardianship());
      rows.add(row);
    }
    List<String> notes = List.of(
        "统计周期：" + period + "（北京时间）；生成时间：" + DashboardController.TIME.format(
            dashboard.now()) + "。",
        "登记儿童、监测中儿童、当前逾期走访、临时监护中、长期监护中为生成时的数字；"
            + "接报、受理、立案、结案、新增临时监护、监护干预措施为统计周期内的数字。",
        "按时受理：报告在" + dashboard.acknowledgeWithin().toHours() + "小时内受理；"
            + "办结率 = 结案数 ÷ 立案数（不含并案）。",
        "风险等级：每名儿童在周期末（或生成时）最近一次已确认的监护风险评估。");
    return new Table(title, period, HEADERS, rows, notes);
  }

  private ResponseEntity<byte[]> render(Table table, String format, String name) {
    return switch (format) {
      case "csv" -> download(csv(table), new MediaType("text", "csv", StandardCharsets.UTF_8),
          name + ".csv");
      case "xlsx" -> download(xlsx(table), XLSX, name + ".xlsx");
      default -> download(pdf.render(table), MediaType.APPLICATION_PDF, name + ".pdf");
    };
  }

  private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(filename, StandardCharsets.UTF_8).build().toString())
        .body(body);
  }

  static byte[] csv(Table table) {
    StringWriter out = new StringWriter();
    out.write('\ufeff');
    try (CSVPrinter printer = CSVFormat.DEFAULT.builder()
        .setHeader(table.headers().toArray(String[]::new)).get().print(out)) {
      for (List<Object> row : table.rows()) {
        printer.printRecord(row.stream().map(StatisticsExport::text).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One sheet: title, period, header row, the rows (numbers as numeric cells), notes. */
  static byte[] xlsx(Table table) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(out, "Guardian", "1.0");
      Worksheet sheet = workbook.newWorksheet("统计表");
      sheet.value(0, 0, table.title());
      sheet.style(0, 0).bold().fontSize(14).set();
      sheet.value(1, 0, "统计周期：" + table.period());
      int headerRow = 3;
      for (int c = 0; c < table.headers().size(); c++) {
        sheet.value(headerRow, c, table.headers().get(c));
        sheet.style(headerRow, c).bold().fillColor("DDEBF7").wrapText(true).set();
        sheet.width(c, c == 1 ? 22 : c == 0 ? 14 : 10);
      }
      int r = headerRow + 1;
      for (List<Object> row : table.rows()) {
        for (int c = 0; c < row.size(); c++) {
          Object v = row.get(c);
          if (v instanceof Number n) {
            sheet.value(r, c, n);
          } else if (v != null) {
            sheet.value(r, c, v.toString());
          }
        }
        r++;
      }
      sheet.freezePane(2, headerRow + 1);
      r++;
      for (String note : table.notes()) {
        sheet.value(r++, 0, note);
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A rate in percent with one decimal, or null when nothing was due. */
  static Double percent(long numerator, long denominator) {
    return denominator == 0 ? null : Math.round(1000.0 * numerator / denominator) / 10.0;
  }

  static String text(Object value) {
    if (value == null) {
      return "";
    }
    return value instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : value.toString();
  }
}
