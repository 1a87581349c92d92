package org.guardian.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.ProcessEngine;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.guardian.GuardianTest;
import org.guardian.WebSession;
import org.guardian.people.Areas;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The monthly table and annual report as CSV, spreadsheet and PDF: each file is parsed back, its
 * figures are the same in all three formats and match the dashboard's figures of the same area.
 */
@GuardianTest
class StatisticsDownloadsTest {

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired Areas areas;

  DashboardFixture f;
  WebSession sup;
  YearMonth month;

  @BeforeEach
  void fixture() {
    f = new DashboardFixture(rest, engine, jdbc, areas);
    sup = WebSession.signedIn(port, "sup-109");
    month = YearMonth.from(f.at.atZone(ZoneId.of("Asia/Shanghai")));
  }

  /** The rows of a CSV download, by area code: header → value. */
  Map<String, Map<String, String>> csv(String path) throws Exception {
    HttpResponse<byte[]> r = sup.download(path);
    assertThat(r.statusCode()).isEqualTo(200);
    String body = new String(r.body(), StandardCharsets.UTF_8).replace("\ufeff", "");
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(body))) {
      rows.put(rec.get("地区代码"), rec.toMap());
    }
    return rows;
  }

  /** The rows of a spreadsheet download, by area code, the same way as the CSV. */
  Map<String, Map<String, String>> xlsx(String path) throws Exception {
    HttpResponse<byte[]> r = sup.download(path);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(r.body()));
        Stream<Row> sheet = wb.getFirstSheet().openStream()) {
      List<String> headers = null;
      for (Row row : sheet.toList()) {
        String first = row.getCellAsString(0).orElse("");
        if (first.equals("地区代码")) {
          headers = new ArrayList<>();
          for (Cell c : row) {
            headers.add(c == null ? "" : c.getText());
          }
        } else if (headers != null && first.matches("\\d{6,12}")) {
          Map<String, String> values = new LinkedHashMap<>();
          for (int i = 0; i < headers.size(); i++) {
            Cell c = row.getCell(i);
            if (i >= 2 && !headers.get(i).endsWith("(%)")) {
              assertThat(c.getType()).as(headers.get(i) + " is a number")
                  .isEqualTo(CellType.NUMBER);
              values.put(headers.get(i), c.asNumber().toBigInteger().toString());
            } else if (headers.get(i).endsWith("(%)") && c != null
                && c.getType() == CellType.NUMBER) {
              values.put(headers.get(i), String.format(java.util.Locale.ROOT, "%.1f",
                  c.asNumber().doubleValue()));
            } else {
              values.put(headers.get(i), c == null ? "" : c.getText());
            }
          }
          rows.put(first, values);
        }
      }
      assertThat(headers).as("header row").isEqualTo(StatisticsExport.HEADERS);
    }
    return rows;
  }

  /** The rows of a PDF download, by area code: the table's text, split at the spaces. */
  Map<String, Map<String, String>> pdf(String path) throws Exception {
    HttpResponse<byte[]> r = sup.download(path);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    PdfReader reader = new PdfReader(r.body());
    StringBuilder text = new StringBuilder();
    PdfTextExtractor extractor = new PdfTextExtractor(reader);
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      text.append(extractor.getTextFromPage(page)).append('\n');
    }
    String all = text.toString();
    assertThat(all).contains("儿童关爱保护", "统计周期", "按时受理");
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    for (String line : all.split("\n")) {
      String[] tokens = line.trim().split("\\s+");
      if (tokens.length > 2 && tokens[0].matches("\\d{6,12}")) {
        // percentages are empty when nothing was due: then the row has fewer tokens
        Map<String, String> values = new LinkedHashMap<>();
        values.put("地区代码", tokens[0]);
        values.put("地区", tokens[1]);
        values.put("登记儿童", tokens[2]);
        values.put("监测中儿童", tokens[3]);
        values.put("临时监护中/长期监护中", tokens[tokens.length - 3] + "/"
            + tokens[tokens.length - 1]);
        rows.put(tokens[0], values);
      }
    }
    reader.close();
    return rows;
  }

  @Test
  void theMonthlyTableIsTheSameInCsvSpreadsheetAndPdfAndMatchesTheDashboard() throws Exception {
    String q = "?area=" + f.village + "&month=" + month;
    Map<String, Map<String, String>> csv = csv("/dashboard/export/monthly.csv" + q);
    Map<String, Map<String, String>> xlsx = xlsx("/dashboard/export/monthly.xlsx" + q);
    Map<String, Map<String, String>> pdf = pdf("/dashboard/export/monthly.pdf" + q);

    assertThat(csv.keySet()).containsExactly(f.village);
    assertThat(xlsx).isEqualTo(csv);
    Map<String, String> row = csv.get(f.village);
    assertThat(pdf.get(f.village)).containsEntry("地区", row.get("地区"))
        .containsEntry("登记儿童", row.get("登记儿童"))
        .containsEntry("监测中儿童", row.get("监测中儿童"))
        .containsEntry("临时监护中/长期监护中", row.get("临时监护中") + "/" + row.get("长期监护中"));

    // the figures that stand "now" are the dashboard's
    JsonNode s = sup.json("/dashboard/api/summary?area=" + f.village, 200);
    assertThat(row.get("登记儿童")).isEqualTo("4");
    assertThat(row.get("监测中儿童")).isEqualTo(s.path("monitoredChildren").asText()).isEqualTo("3");
    assertThat(row.get("当前逾期走访")).isEqualTo(DashboardFiguresTest.byKind(s.path("overdue"),
        "kind", "visits").path("count").asText()).isEqualTo("1");
    assertThat(row.get("临时监护中")).isEqualTo(s.path("temporaryGuardianship").asText())
        .isEqualTo("1");
    assertThat(row.get("长期监护中")).isEqualTo(s.path("longTermGuardianship").asText())
        .isEqualTo("1");
    assertThat(row.get("红色")).isEqualTo(s.path("riskByArea").get(0).path("now").path("red")
        .asText()).isEqualTo("1");
    assertThat(row.get("黄色")).isEqualTo("1");
    // orders of the month: those of the last 5, 10, 3, 2 days that fall in this month
    java.util.function.IntPredicate inMonth = daysAgo -> YearMonth.from(
        f.at.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate().minusDays(daysAgo)).equals(month);
    long orders = java.util.stream.IntStream.of(5, 10, 3, 2).filter(inMonth).count();
    assertThat(row.get("监护干预措施")).isEqualTo(String.valueOf(orders));

    assertThat(jdbc.queryForObject("select count(*) from audit_event where action = "
        + "'STATISTICS_EXPORTED' and area_code = ? and detail in (?, ?, ?)", Long.class,
        f.village, "monthly " + month + " csv", "monthly " + month + " xlsx",
        "monthly " + month + " pdf")).isEqualTo(3);
  }

  @Test
  void theAnnualReportOfTheTownshipHasARowPerVillageAndTheTotalInEveryFormat() throws Exception {
    int year = month.getYear() + (month.getMonthValue() >= 10 ? 1 : 0);
    String q = "?year=" + year;
    Map<String, Map<String, String>> csv = csv("/dashboard/export/annual.csv" + q);
    Map<String, Map<String, String>> xlsx = xlsx("/dashboard/export/annual.xlsx" + q);
    Map<String, Map<String, String>> pdf = pdf("/dashboard/export/annual.pdf" + q);
    assertThat(xlsx).isEqualTo(csv);
    assertThat(pdf.keySet()).isEqualTo(csv.keySet());
    assertThat(csv).containsKeys(f.village, DashboardFixture.TOWNSHIP);
    assertThat(csv.get(DashboardFixture.TOWNSHIP).get("地区")).endsWith("（合计）");
    long villages = 0;
    for (var e : csv.entrySet()) {
      if (!e.getKey().equals(DashboardFixture.TOWNSHIP)) {
        villages += Long.parseLong(e.getValue().get("登记儿童"));
      }
      assertThat(pdf.get(e.getKey()).get("登记儿童")).isEqualTo(e.getValue().get("登记儿童"));
    }
    JsonNode township = sup.json("/dashboard/api/summary", 200);
    long registered = 0;
    for (JsonNode sub : township.path("subAreas")) {
      registered += sub.path("children").asLong();
    }
    assertThat(Long.parseLong(csv.get(DashboardFixture.TOWNSHIP).get("登记儿童")))
        .isEqualTo(villages).isEqualTo(registered);
    assertThat(csv.get(DashboardFixture.TOWNSHIP).get("长期监护中"))
        .isEqualTo(township.path("longTermGuardianship").asText());
  }

  @Test
  void downloadsKeepTheDashboardsAccessRules() {
    assertThat(WebSession.signedIn(port, "sup-101")
        .download("/dashboard/export/monthly.xlsx?area=" + f.village).statusCode()).isEqualTo(404);
    assertThat(WebSession.signedIn(port, "director-101201")
        .download("/dashboard/export/annual.pdf").statusCode()).isEqualTo(403);
    assertThat(sup.download("/dashboard/export/monthly.doc").statusCode()).isEqualTo(404);
    assertThat(sup.download("/dashboard/export/annual.xlsx?year=1999").statusCode()).isEqualTo(400);
  }

  @Test
  void thePdfEmbedsTheSimplifiedChineseFaceOfTheInstalledFontOrRefusesClearly() throws Exception {
    String noto = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    assumeThat(Files.isReadable(Path.of(noto))).as("fonts-noto-cjk installed").isTrue();
    String found = StatisticsPdf.find(List.of("/nowhere/font.ttf", noto)).orElseThrow();
    assertThat(com.lowagie.text.pdf.BaseFont.createFont(found,
        com.lowagie.text.pdf.BaseFont.IDENTITY_H, false).getPostscriptFontName()).isEqualTo("NotoSansCJKsc-Regular");

    StatisticsPdf none = new StatisticsPdf(List.of("/nowhere/font.ttf"));
    StatisticsExport.Table table = new StatisticsExport.Table("测试", "2026-11", List.of("地区"),
        List.of(), List.of());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> none.render(table))
        .isInstanceOfSatisfying(org.springframework.web.server.ResponseStatusException.class,
            e -> {
              assertThat(e.getStatusCode().value()).isEqualTo(503);
              assertThat(e.getReason()).contains("中文字体", ".xlsx");
            });
  }
}
