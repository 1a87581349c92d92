package org.guardian.supervision;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guardian.audit.AuditAction;
import org.guardian.audit.AuditLog;
import org.guardian.common.ForbiddenException;
import org.guardian.people.Area;
import org.guardian.people.Areas;
import org.guardian.people.CurrentUser;
import org.guardian.people.Role;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The children's files of an area for upload to the national child welfare information system
 * (全国儿童福利信息系统), as JSON in the layout documented in docs/dashboard.md ("National export").
 * Personal data: only the county centre and administrators may export; each exported file is
 * audited as {@code CHILD_EXPORTED}.
 */
@RestController
class NationalExport {

  static final String LAYOUT = "guardian-national-export/2";
  static final Role[] EXPORTERS = {Role.COUNTY_CENTRE, Role.ADMIN};
  /** Files read and written at a time. */
  static final int CHUNK = 1000;

  private final NamedParameterJdbcTemplate jdbc;
  private final DashboardController access;
  private final AuditLog audit;
  private final java.time.Clock clock;
  private final NationalCodes codes;
  private final Areas areas;
  private final ObjectWriter json;
  private final TransactionTemplate transaction;

  NationalExport(NamedParameterJdbcTemplate jdbc, DashboardController access, AuditLog audit,
      java.time.Clock clock, NationalCodes codes, Areas areas, ObjectMapper mapper,
      PlatformTransactionManager transactions) {
    this.json = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.jdbc = jdbc;
    this.access = access;
    this.audit = audit;
    this.codes = codes;
    this.areas = areas;
  }

  private List<NationalCodes.Coded> coded(String list, List<String> guardianCodes) {
    return guardianCodes.stream().map(c -> codes.of(list, c)).toList();
  }

  /** The area of a file: each level's statistical division code and name. */
  private Map<String, Object> area(String county, String township, String village,
      Map<String, String> names) {
    Map<String, Object> a = new LinkedHashMap<>();
    for (String[] level : new String[][] {{"county", county}, {"township", township},
        {"village", village}}) {
      a.put(level[0] + "Code", level[1]);
      a.put(level[0] + "Name", level[1] == null ? null : names.computeIfAbsent(level[1],
          c -> areas.find(c).map(Area::getName).orElse(null)));
    }
    return a;
  }

  /**
   * The export: first every file of the area is audited, in a transaction committed before any
   * file leaves; then the files are written to the response as they are read, {@value #CHUNK} at a
   * time, so that the node holds a chunk and not the area (a county's 100,000 files are 79 MB of
   * JSON; built whole they did not fit in a 300 MB heap). The files written are the files audited,
   * read by their ids.
   */
  @GetMapping(path = "/dashboard/export/national.json")
  void export(@RequestParam(required = false) String area, HttpServletResponse response)
      throws IOException {
    CurrentUser user = CurrentUser.get();
    if (!user.hasAnyRole(EXPORTERS)) {
      audit.recordSeparately(AuditAction.DASHBOARD_ACCESS_DENIED, null, area, "national-export");
      throw new ForbiddenException("儿童档案导出仅限县未成年人救助保护中心");
    }
    Area a = access.resolve(area);
    long[] ids = transaction.execute(tx -> audited(a));
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
        .filename("national-" + a.getCode() + "-"
            + LocalDate.ofInstant(clock.instant(), DashboardController.ZONE) + ".json")
        .build().toString());
    try (JsonGenerator out = json.createGenerator(response.getOutputStream())) {
      write(a, ids, out, CHUNK);
    }
  }

  /**
   * Audits the export of each of the area's files ({@code CHILD_EXPORTED}) and the export itself,
   * also when it holds no child; returns the files' ids in order.
   */
  private long[] audited(Area a) {
    Dashboard.Where w = Dashboard.Where.of(a);
    Map<Long, String> files = new LinkedHashMap<>();
    jdbc.query("select c.id, c.village_code from child c where " + w.child("c")
        + " order by c.id", w.params(), rs -> {
          files.put(rs.getLong(1), rs.getString(2));
        });
    audit.recordEach(AuditAction.CHILD_EXPORTED, files, "national-export");
    audit.record(AuditAction.NATIONAL_EXPORTED, null, a.getCode(), "children=" + files.size());
    return files.keySet().stream().mapToLong(Long::longValue).toArray();
  }

  /** The document: the area, then the files of {@code ids}, read {@code chunk} at a time. */
  void write(Area a, long[] ids, JsonGenerator out, int chunk) throws IOException {
    out.writeStartObject();
    out.writeStringField("layout", LAYOUT);
    out.writeStringField("areaCode", a.getCode());
    out.writeStringField("areaName", a.getName());
    out.writeStringField("exportedAt", clock.instant().toString());
    out.writeNumberField("count", ids.length);
    out.writeArrayFieldStart("children");
    Map<String, String> names = new HashMap<>();
    for (int from = 0; from < ids.length; from += chunk) {
      List<Long> part = Arrays.stream(ids, from, Math.min(ids.length, from + chunk)).boxed()
          .toList();
      for (Map<String, Object> file : files(part, names)) {
        json.writeValue(out, file);
      }
    }
    out.writeEndArray();
    out.writeEndObject();
  }

  /** The files of the children {@code ids}, in the order of their ids. */
  private List<Map<String, Object>> files(List<Long> ids, Map<String, String> names) {
    MapSqlParameterSource p = new MapSqlParameterSource("ids", ids)
        .addValue("asOf", java.sql.Timestamp.from(clock.instant()));
    Map<Long, List<String>> categories = new HashMap<>();
    jdbc.query("select child_id, category from child_category where child_id in (:ids) "
        + "order by category", p, rs -> {
          categories.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
    Map<Long, List<String>> flags = new HashMap<>();
    jdbc.query("select child_id, flag from child_risk_flag where child_id in (:ids) "
        + "order by flag", p, rs -> {
          flags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
    Map<Long, List<Map<String, Object>>> guardians = new HashMap<>();
    jdbc.query("select child_id, name, relationship, capacity, works_away, works_away_since "
        + "from guardian where child_id in (:ids) order by id", p, rs -> {
          Map<String, Object> g = new LinkedHashMap<>();
          g.put("name", rs.getString(2));
          g.put("relationship", codes.of("relationship", rs.getString(3)));
          g.put("capacity", codes.of("capacity", rs.getString(4)));
          g.put("worksAway", rs.getBoolean(5));
          g.put("worksAwaySince", rs.getDate(6) == null ? null : rs.getDate(6).toString());
          guardians.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(g);
        });
    Map<Long, Object[]> visits = new HashMap<>();
    jdbc.query("select child_id, count(*), max(visited_on) from visit_record where child_id in "
        + "(:ids) group by child_id", p, rs -> {
          visits.put(rs.getLong(1), new Object[] {rs.getLong(2), rs.getDate(3)});
        });
    Map<Long, String> colours = new HashMap<>();
    jdbc.query("select a.child_id, a.colour " + Dashboard.latestAssessments(":asOf")
        + " and a.child_id in (:ids)", p, rs -> {
          colours.put(rs.getLong(1), rs.getString(2));
        });
    Map<Long, List<Map<String, Object>>> orders = new HashMap<>();
    jdbc.query("select child_id, kind, status, issuer, issued_on, valid_until, case_number "
        + "from intervention_order where child_id in (:ids) order by issued_on, id", p, rs -> {
          Map<String, Object> o = new LinkedHashMap<>();
          o.put("kind", codes.of("order-kind", rs.getString(2)));
          o.put("status", codes.of("order-status", rs.getString(3)));
          o.put("issuer", rs.getString(4));
          o.put("issuedOn", rs.getDate(5).toString());
          o.put("validUntil", rs.getDate(6) == null ? null : rs.getDate(6).toString());
          o.put("caseNumber", rs.getString(7));
          orders.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(o);
        });
    List<Map<String, Object>> files = new ArrayList<>(ids.size());
    jdbc.query("select c.id, c.id_number, c.name, c.sex, c.birth_date, c.village_code, "
        + "c.township_code, c.county_code, c.difficulty_kind, c.school, c.caregiver_name, "
        + "c.caregiver_relationship, c.household_size, c.household_economic_status, "
        + "c.file_status from child c where c.id in (:ids) order by c.id", p, rs -> {
          long id = rs.getLong(1);
          Map<String, Object> f = new LinkedHashMap<>();
          f.put("fileId", id);
          f.put("idNumber", rs.getString(2));
          f.put("name", rs.getString(3));
          f.put("sex", codes.of("sex", rs.getString(4)));
          f.put("birthDate", rs.getDate(5).toString());
          f.put("area", area(rs.getString(8), rs.getString(7), rs.getString(6), names));
          f.put("categories", coded("category", categories.getOrDefault(id, List.of())));
          f.put("riskFlags", coded("risk-flag", flags.getOrDefault(id, List.of())));
          f.put("difficultyKind", codes.of("difficulty", rs.getString(9)));
          f.put("school", rs.getString(10));
          f.put("guardians", guardians.getOrDefault(id, List.of()));
          Map<String, Object> caregiver = new LinkedHashMap<>();
          caregiver.put("name", rs.getString(11));
          caregiver.put("relationship", codes.of("relationship", rs.getString(12)));
          f.put("entrustedCaregiver", rs.getString(11) == null ? null : caregiver);
          f.put("householdSize", rs.getObject(13));
          f.put("economicStatus", codes.of("economic-status", rs.getString(14)));
          f.put("fileStatus", codes.of("file-status", rs.getString(15)));
          Object[] v = visits.get(id);
          f.put("visits", v == null ? 0L : v[0]);
          f.put("lastVisitOn", v == null || v[1] == null ? null : v[1].toString());
          f.put("riskLevel", codes.of("risk-level", colours.get(id)));
          f.put("interventionOrders", orders.getOrDefault(id, List.of()));
          files.add(f);
        });
    return files;
  }
}
