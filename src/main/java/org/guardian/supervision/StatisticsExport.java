package org.guardian.supervision;

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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.guardian.audit.AuditAction;
import org.guardian.audit.AuditLog;
import org.guardian.common.InvalidInputException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monthly statistics table and the annual report of an area as CSV (UTF-8 with a byte order
 * mark, so that spreadsheet programs read the Chinese headers): one row per sub-area and a total
 * row for the area. Same access rules as the dashboard; every export is audited.
 */
@RestController
class StatisticsExport {

  static final List<String> HEADERS = List.of("地区代码", "地区", "登记儿童", "监测中儿童",
      "接报数", "按时受理数", "按时受理率(%)", "立案数", "结案数", "办结率(%)", "当前逾期走访",
      "红色", "黄色", "蓝色", "绿色", "新增临时监护", "临时监护中");

  private final Dashboard dashboard;
  private final DashboardController access;
  private final Areas areas;
  private final AuditLog audit;

  StatisticsExport(Dashboard dashboard, DashboardController access, Areas areas, AuditLog audit) {
    this.dashboard = dashboard;
    this.access = access;
    this.areas = areas;
    this.audit = audit;
  }

  /** The month's table, e.g. {@code ?month=2026-10}; default: the current month. */
  @GetMapping(path = "/dashboard/export/monthly.csv")
  @Transactional
  ResponseEntity<byte[]> monthly(@RequestParam(required = false) String area,
      @RequestParam(required = false) String month) {
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
    audit.record(AuditAction.STATISTICS_EXPORTED, null, a.getCode(), "monthly " + m);
    return csv(a, from, to, "monthly-" + a.getCode() + "-" + m + ".csv");
  }

  /**
   * The annual report: the reporting year runs from 1 October of the year before to 30 September
   * (the city bureau's deadline for the report is 30 October), e.g. {@code ?year=2026}.
   */
  @GetMapping(path = "/dashboard/export/annual.csv")
  @Transactional
  ResponseEntity<byte[]> annual(@RequestParam(required = false) String area,
      @RequestParam(required = false) Integer year) {
    int y = year == null ? LocalDate.ofInstant(dashboard.now(), DashboardController.ZONE)
        .getYear() : year;
    if (y < 2000 || y > 2100) {
      throw InvalidInputException.of("year", "年份应在2000至2100之间");
    }
    Area a = access.resolve(area);
    Instant from = LocalDate.of(y - 1, 10, 1).atStartOfDay(DashboardController.ZONE).toInstant();
    Instant to = LocalDate.of(y, 10, 1).atStartOfDay(DashboardController.ZONE).toInstant();
    audit.record(AuditAction.STATISTICS_EXPORTED, null, a.getCode(), "annual " + y);
    return csv(a, from, to, "annual-" + a.getCode() + "-" + y + ".csv");
  }

  private ResponseEntity<byte[]> csv(Area area, Instant from, Instant to, String filename) {
    List<PeriodStatistics> rows = new ArrayList<>();
    if (area.getLevel() != AreaLevel.VILLAGE) {
      for (Area sub : areas.childrenOf(area.getCode())) {
        rows.add(dashboard.periodStatistics(sub, from, to));
      }
    }
    rows.add(dashboard.periodStatistics(area, from, to));
    StringWriter out = new StringWriter();
    out.write('\ufeff');
    try (CSVPrinter printer = CSVFormat.DEFAULT.builder()
        .setHeader(HEADERS.toArray(String[]::new)).get().print(out)) {
      for (PeriodStatistics s : rows) {
        printer.printRecord(s.areaCode(), s.areaCode().equals(area.getCode())
                ? s.areaName() + "（合计）" : s.areaName(),
            s.registeredChildren(), s.monitoredChildren(), s.reportsReceived(),
            s.reportsAcknowledgedInTime(), percent(s.reportsAcknowledgedInTime(),
                s.reportsReceived()), s.casesOpened(), s.casesClosed(),
            percent(s.casesClosed(), s.casesOpened()), s.overdueVisits(), s.red(), s.yellow(),
            s.blue(), s.green(), s.temporaryGuardianshipsStarted(),
            s.temporaryGuardianshipsActive());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(filename, StandardCharsets.UTF_8).build().toString())
        .body(out.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String percent(long numerator, long denominator) {
    return denominator == 0 ? "" : String.valueOf(Math.round(1000.0 * numerator / denominator)
        / 10.0);
  }
}
