package org.guardian.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.guardian.people.Area;
import org.guardian.people.AreaLevel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The figures of the supervisor dashboard for one area, each computed by a query at the time of the
 * request (never stored, never constant). A read model over the tables of registry, monitoring,
 * reporting, emergency and assessment and over the engine's runtime tables: read-only SQL, so no
 * module's internals are called and the dashboard stays one query per figure (see docs/dashboard.md).
 */
@Service
class Dashboard {

  static final String MONITORING_KEY = "monitoring";
  static final String CASE_KEY = "guardianship-case";
  static final String TASK_HOME_VISIT = "Task_HomeVisit";
  static final String TASK_TRIAGE = "Task_TriageReport";
  static final String REFERRAL_KEY = "referral";
  static final String INTERVENTION_KEY = "guardianship-intervention";
  /** The kinds of overdue work the dashboard counts, in the order it shows them. */
  static final List<String> OVERDUE_KINDS = List.of("visits", "triage", "referrals", "orders",
      "other");
  /** Activities of guardianship-case from the closure's approval to the last return visit. */
  static final List<String> CLOSURE_ACTIVITIES = List.of("Task_ApproveClosure",
      "Task_CloseAssistedCase", "Gateway_ReturnVisitLoop", "Timer_ReturnVisitDue",
      "Task_ReturnVisit", "Task_RecordReturnVisit", "Task_ReopenCase", "Task_CloseCase");
  static final List<String> COLOURS = List.of("red", "yellow", "blue", "green");
  /**
   * A list behind a figure shows at most this many rows (a county's 100,000 children are not one
   * page): the query fetches one more, so the page can say there are more and ask to drill down.
   */
  static final int LIST_ROWS = 1000;
  static final String LIST_LIMIT = " fetch first " + (LIST_ROWS + 1) + " rows only";

  private final NamedParameterJdbcTemplate jdbc;
  private final TaskService tasks;
  private final Clock clock;
  private final Duration acknowledgeWithin;

  Dashboard(NamedParameterJdbcTemplate jdbc, TaskService tasks, Clock clock,
      @Value("${guardian.supervision.acknowledge-within:PT24H}") Duration acknowledgeWithin) {
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.clock = clock;
    this.acknowledgeWithin = acknowledgeWithin;
  }

  /** The stages of the chain a case can stand at (Chinese labels for the page). */
  enum Stage {
    REPORT("报告受理"),
    TRIAGE("研判"),
    EMERGENCY("应急处置"),
    ASSESSMENT("评估"),
    ASSISTANCE("帮扶"),
    INTERVENTION("监护干预"),
    CLOSURE("结案回访");

    final String label;

    Stage(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  record CountByKey(String key, String label, long count) {}

  record ColourRow(String areaCode, String areaName, Map<String, Long> now,
      Map<String, Long> change) {
    /** The change of a colour as the page shows it: ↑2, ↓1, or nothing. */
    public String delta(String colour) {
      long d = change.getOrDefault(colour, 0L);
      return d > 0 ? "↑" + d : d < 0 ? "↓" + (-d) : "";
    }
  }

  record Overdue(String kind, String label, String responsibleGroup, long count) {}

  record Rate(long numerator, long denominator, Double percent) {
    static Rate of(long numerator, long denominator) {
      return new Rate(numerator, denominator,
          denominator == 0 ? null : Math.round(1000.0 * numerator / denominator) / 10.0);
    }
  }

  record StageTime(String stage, String label, long cases, Double medianHours) {}

  record SubArea(String code, String name, long children, long openCases, long red) {}

  record Summary(String areaCode, String areaName, String level, Instant at, Instant periodFrom,
      int periodDays, List<CountByKey> monitoredByCategory, List<CountByKey> registeredByCategory,
      long monitoredChildren, List<ColourRow> riskByArea, List<CountByKey> casesByStage,
      long casesClosedInPeriod, List<Overdue> overdue, Rate acceptance, Rate completion,
      List<StageTime> medianTimes, long temporaryGuardianship, long longTermGuardianship,
      Orders orders, Rate visitsOnTime, Rate filesReviewed, List<SubArea> subAreas) {}

  /**
   * The guardianship-intervention measures of the area: how many of each kind were recorded in the
   * period, the court applications still waiting for a ruling, the protection orders in force.
   */
  record Orders(List<CountByKey> issuedInPeriod, long courtApplicationsPending,
      long protectionOrdersInForce) {}

  /** One open case and the stage it stands at. */
  record CaseRow(long id, String number, String status, String villageCode, String townshipCode,
      String processInstanceId, Instant openedAt, Instant closedAt, String riskColour,
      Stage stage) {}

  /** Builds the summary for an area; subAreas are the area's townships or villages. */
  Summary summary(Area area, List<Area> subAreas, int periodDays) {
    Instant now = clock.instant();
    Instant from = now.minus(Duration.ofDays(periodDays));
    Where w = Where.of(area);
    Monitored monitored = monitored(w);
    List<CountByKey> registered = registeredByCategory(w);
    List<ColourRow> risk = riskByArea(area, subAreas, now);
    List<CaseRow> open = openCases(w);
    Map<Stage, Long> byStage = new LinkedHashMap<>();
    for (Stage s : Stage.values()) {
      byStage.put(s, 0L);
    }
    open.forEach(c -> byStage.merge(c.stage(), 1L, Long::sum));
    List<CountByKey> stages = byStage.entrySet().stream()
        .map(e -> new CountByKey(e.getKey().name(), e.getKey().label, e.getValue())).toList();
    MapSqlParameterSource p = w.params().addValue("from", Timestamp.from(from))
        .addValue("now", Timestamp.from(now));
    long closed = jdbc.queryForObject("select count(*) from guardianship_case g where "
        + w.caseArea("g") + " and g.status = 'CLOSED' and g.closed_at >= :from", p, Long.class);
    long opened = jdbc.queryForObject("select count(*) from guardianship_case g where "
        + w.caseArea("g") + " and g.status <> 'MERGED' and g.opened_at >= :from", p, Long.class);
    List<Overdue> overdue = overdue(w, now);
    Rate acceptance = acceptance(w, from, now);
    List<StageTime> medians = medianTimes(w, from);
    long temporary = jdbc.queryForObject("select count(*) from placement p where "
        + w.caseArea("p") + " and p.kind = 'TEMPORARY_GUARDIANSHIP' and p.status = 'ACTIVE'",
        w.params(), Long.class);
    List<SubArea> subs = subAreas(area, subAreas);
    return new Summary(area.getCode(), area.getName(), area.getLevel().name(), now, from,
        periodDays, monitored.byCategory(), registered, monitored.children(), risk, stages,
        closed, overdue, acceptance, Rate.of(closed, opened), medians, temporary,
        longTermGuardianship(w), orders(w, from, now), visitsOnTime(w, from, now),
        filesReviewed(w), subs);
  }

  /** The labels and responsible groups of the overdue kinds. */
  static Overdue overdueOf(String kind, long count) {
    return switch (kind) {
      case "visits" -> new Overdue(kind, "逾期入户走访", "儿童主任（村）", count);
      case "triage" -> new Overdue(kind, "逾期报告研判", "未保工作站站长（乡镇）", count);
      case "referrals" -> new Overdue(kind, "逾期转介跟进", "儿童督导员（乡镇）", count);
      case "orders" -> new Overdue(kind, "逾期监护干预事项", "法治副站长、县救助保护中心", count);
      default -> new Overdue(kind, "其他逾期任务", "见任务候选组", count);
    };
  }

  /**
   * Overdue tasks by kind: one count query per named kind; "other" is every overdue task of the area
   * minus those (the task query cannot exclude process definitions).
   */
  private List<Overdue> overdue(Where w, Instant now) {
    long all = overdueQuery(w, "all", now).count();
    List<Overdue> result = new ArrayList<>();
    long named = 0;
    for (String kind : OVERDUE_KINDS) {
      if (!kind.equals("other")) {
        long count = overdueQuery(w, kind, now).count();
        named += count;
        result.add(overdueOf(kind, count));
      }
    }
    result.add(overdueOf("other", all - named));
    return result;
  }

  /** The intervention orders of the area, restricted through their case's area. */
  private static String orderArea(Where w) {
    return "from intervention_order o join guardianship_case g on g.number = o.case_number where "
        + w.caseArea("g");
  }

  /**
   * Children of the area in long-term state guardianship: a long-term guardianship order in force
   * with no later restoration of the parents' guardianship for the same child.
   */
  static final String LONG_TERM_IN_FORCE = "o.kind = 'LONG_TERM_GUARDIANSHIP' and o.status = "
      + "'IN_FORCE' and not exists (select 1 from intervention_order r where r.child_id = "
      + "o.child_id and r.kind = 'RESTORATION' and (r.issued_on > o.issued_on or (r.issued_on = "
      + "o.issued_on and r.id > o.id)))";

  private long longTermGuardianship(Where w) {
    return jdbc.queryForObject("select count(distinct o.child_id) " + orderArea(w) + " and "
        + LONG_TERM_IN_FORCE, w.params(), Long.class);
  }

  private Orders orders(Where w, Instant from, Instant now) {
    MapSqlParameterSource p = w.params()
        .addValue("fromDay", java.sql.Date.valueOf(day(from)))
        .addValue("today", java.sql.Date.valueOf(day(now)));
    Map<String, Long> byKind = new HashMap<>();
    jdbc.query("select o.kind, count(*) " + orderArea(w) + " and o.issued_on >= :fromDay "
        + "group by o.kind", p, rs -> {
          byKind.put(rs.getString(1), rs.getLong(2));
        });
    List<CountByKey> issued = new ArrayList<>();
    for (org.guardian.intervention.OrderKind kind : org.guardian.intervention.OrderKind.values()) {
      issued.add(new CountByKey(kind.name(), kind.label(), byKind.getOrDefault(kind.name(), 0L)));
    }
    long pending = jdbc.queryForObject("select count(*) " + orderArea(w) + " and "
        + COURT_PENDING, p, Long.class);
    long protection = jdbc.queryForObject("select count(*) " + orderArea(w) + " and "
        + PROTECTION_IN_FORCE, p, Long.class);
    return new Orders(issued, pending, protection);
  }

  static final String COURT_PENDING = "o.kind in ('PROTECTION_ORDER', 'REVOCATION') and "
      + "o.status = 'APPLIED'";
  static final String PROTECTION_IN_FORCE = "o.kind = 'PROTECTION_ORDER' and o.status = "
      + "'GRANTED' and o.valid_until >= :today";

  /** The local day (Asia/Shanghai) of a moment: orders and visits are dated by day. */
  static java.time.LocalDate day(Instant at) {
    return java.time.LocalDate.ofInstant(at, ZONE);
  }

  static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

  /** Visits of the period that had a due day: done by it ÷ all of them (visits done on time). */
  private Rate visitsOnTime(Where w, Instant from, Instant now) {
    MapSqlParameterSource p = w.params().addValue("fromDay", java.sql.Date.valueOf(day(from)));
    long[] counts = new long[2];
    jdbc.query("select count(*), sum(case when v.visited_on <= v.due_on then 1 else 0 end) "
        + "from visit_record v where " + w.byVillage("v") + " and v.due_on is not null and "
        + "v.visited_on >= :fromDay", p, rs -> {
          counts[0] = rs.getLong(1);
          counts[1] = rs.getLong(2);
        });
    return Rate.of(counts[1], counts[0]);
  }

  /** Files of the area reviewed by the township's child supervisor ÷ all files. */
  private Rate filesReviewed(Where w) {
    long[] counts = new long[2];
    jdbc.query("select count(*), sum(case when c.file_status = 'REVIEWED' then 1 else 0 end) "
        + "from child c where " + w.child("c"), w.params(), rs -> {
          counts[0] = rs.getLong(1);
          counts[1] = rs.getLong(2);
        });
    return Rate.of(counts[1], counts[0]);
  }

  /** The statistics of one area over a period (a row of the monthly table and annual report). */
  record PeriodStatistics(String areaCode, String areaName, long registeredChildren,
      long monitoredChildren, long reportsReceived, long reportsAcknowledgedInTime,
      long casesOpened, long casesClosed, long overdueVisits, long red, long yellow, long blue,
      long green, long temporaryGuardianshipsStarted, long temporaryGuardianshipsActive,
      long ordersRecorded, long longTermGuardianship) {}

  /**
   * Statistics of an area from {@code from} (inclusive) to {@code to} (exclusive): reports and
   * cases of the period, children and overdue visits as they stand now, risk colours as they stood
   * at the end of the period (or now).
   */
  PeriodStatistics periodStatistics(Area area, Instant from, Instant to) {
    Where w = Where.of(area);
    Instant now = clock.instant();
    Instant asOf = to.isBefore(now) ? to : now;
    MapSqlParameterSource p = w.params().addValue("from", Timestamp.from(from))
        .addValue("to", Timestamp.from(to)).addValue("asOf", Timestamp.from(asOf));
    long registered = jdbc.queryForObject("select count(*) from child c where " + w.child("c"),
        p, Long.class);
    long monitored = jdbc.queryForObject("select count(*) from child c where " + w.child("c")
        + " and " + MONITORED, p, Long.class);
    long[] reports = new long[2];
    jdbc.query("select count(*), sum(case when " + acknowledgedInTime() + " then 1 else 0 end) "
        + "from report r where " + w.caseArea("r") + " and r.received_at >= :from and "
        + "r.received_at < :to", p, rs -> {
          reports[0] = rs.getLong(1);
          reports[1] = rs.getLong(2);
        });
    long opened = jdbc.queryForObject("select count(*) from guardianship_case g where "
        + w.caseArea("g") + " and g.status <> 'MERGED' and g.opened_at >= :from and "
        + "g.opened_at < :to", p, Long.class);
    long closed = jdbc.queryForObject("select count(*) from guardianship_case g where "
        + w.caseArea("g") + " and g.status = 'CLOSED' and g.closed_at >= :from and "
        + "g.closed_at < :to", p, Long.class);
    Map<String, Long> colours = new HashMap<>();
    jdbc.query("select a.colour, count(*) " + latestAssessments(":asOf")
        + " and a.village_code like :prefix group by a.colour", p, rs -> {
          colours.put(rs.getString(1), rs.getLong(2));
        });
    long tgStarted = jdbc.queryForObject("select count(*) from placement p where "
        + w.caseArea("p") + " and p.kind = 'TEMPORARY_GUARDIANSHIP' and p.decided_at >= :from "
        + "and p.decided_at < :to", p, Long.class);
    long tgActive = jdbc.queryForObject("select count(*) from placement p where "
        + w.caseArea("p") + " and p.kind = 'TEMPORARY_GUARDIANSHIP' and p.status = 'ACTIVE'", p,
        Long.class);
    long orders = jdbc.queryForObject("select count(*) " + orderArea(w) + " and o.issued_on >= "
        + ":fromDay and o.issued_on < :toDay", p.addValue("fromDay",
            java.sql.Date.valueOf(day(from))).addValue("toDay", java.sql.Date.valueOf(day(to))),
        Long.class);
    return new PeriodStatistics(area.getCode(), area.getName(), registered, monitored,
        reports[0], reports[1], opened, closed, overdueQuery(w, "visits", now).count(),
        colours.getOrDefault("red", 0L), colours.getOrDefault("yellow", 0L),
        colours.getOrDefault("blue", 0L), colours.getOrDefault("green", 0L), tgStarted,
        tgActive, orders, longTermGuardianship(w));
  }

  /** A child is under monitoring while its monitoring instance runs (business key = its id). */
  static final String MONITORED = monitored("c");

  /** {@link #MONITORED} for a child's id under another alias. */
  static String monitored(String alias) {
    return "exists (select 1 from ACT_RU_EXECUTION e where e.ID_ = e.PROC_INST_ID_ and "
        + "e.PROC_DEF_ID_ like 'monitoring:%' and e.BUSINESS_KEY_ = cast(" + alias
        + ".id as varchar(20)))";
  }

  /** The children of an area under monitoring: how many, and how many in each category. */
  record Monitored(long children, List<CountByKey> byCategory) {}

  /**
   * The children under monitoring and their categories in one pass over the area's children: each
   * child's categories summed as bits ({@link #categoryBits}), the running-instance check made once
   * per child, the children counted per set of categories. A child in several categories counts
   * once in the total and once in each of its categories. It replaces a count by category (a join,
   * the check made per child and category, on H2 twice per joined row) and a count of the total: on
   * a county of 100,000 children 0.45 s against 1.3 s on H2 (docs/benchmarks.md, item 49).
   */
  private Monitored monitored(Where w) {
    Map<Integer, Long> bySet = new HashMap<>();
    jdbc.query("select x.categories, count(*) from (select c.id, coalesce(sum(" + categoryBits("cc")
        + "), 0) categories from child c left join child_category cc on cc.child_id = c.id where "
        + w.child("c") + " group by c.id) x where " + monitored("x") + " group by x.categories",
        w.params(), rs -> {
          bySet.put(rs.getInt(1), rs.getLong(2));
        });
    long children = 0;
    long[] perCategory = new long[org.guardian.registry.Category.values().length];
    for (Map.Entry<Integer, Long> e : bySet.entrySet()) {
      children += e.getValue();
      for (int bit = 0; bit < perCategory.length; bit++) {
        if ((e.getKey() & (1 << bit)) != 0) {
          perCategory[bit] += e.getValue();
        }
      }
    }
    return new Monitored(children, byCategory(category -> perCategory[category.ordinal()]));
  }

  /**
   * A category row as a bit (1 shifted by the category's ordinal); the sum over a child's rows is
   * the set of its categories, as each category is on a child's file at most once (the table's
   * primary key).
   */
  static String categoryBits(String alias) {
    StringBuilder sql = new StringBuilder("case " + alias + ".category");
    for (org.guardian.registry.Category category : org.guardian.registry.Category.values()) {
      sql.append(" when '").append(category.name()).append("' then ")
          .append(1 << category.ordinal());
    }
    return sql.append(" else 0 end").toString();
  }

  private List<CountByKey> registeredByCategory(Where w) {
    Map<String, Long> counts = new HashMap<>();
    jdbc.query("select cc.category, count(*) from child c join child_category cc on "
        + "cc.child_id = c.id where " + w.child("c") + " group by cc.category", w.params(), rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        });
    return byCategory(category -> counts.getOrDefault(category.name(), 0L));
  }

  /** A count for every category of the registry, in the registry's order, with its label. */
  private static List<CountByKey> byCategory(
      java.util.function.ToLongFunction<org.guardian.registry.Category> count) {
    List<CountByKey> result = new ArrayList<>();
    for (org.guardian.registry.Category category : org.guardian.registry.Category.values()) {
      result.add(new CountByKey(category.name(), category.label(), count.applyAsLong(category)));
    }
    return result;
  }

  /** The latest confirmed assessment of each child as of the given moment. */
  static String latestAssessments(String asOf) {
    return "from guardianship_assessment a where a.status = 'CONFIRMED' and a.confirmed_at < "
        + asOf + " and not exists (select 1 from guardianship_assessment b where "
        + "b.child_id = a.child_id and b.status = 'CONFIRMED' and b.confirmed_at < " + asOf
        + " and (b.confirmed_at > a.confirmed_at or (b.confirmed_at = a.confirmed_at "
        + "and b.id > a.id)))";
  }

  private List<ColourRow> riskByArea(Area area, List<Area> subAreas, Instant now) {
    int len = area.getLevel() == AreaLevel.VILLAGE ? 12 : subLength(area);
    Map<String, Map<String, Long>> current = colourCounts(area, len, now);
    Map<String, Map<String, Long>> before = colourCounts(area, len, now.minus(Duration.ofDays(30)));
    List<Area> rows = area.getLevel() == AreaLevel.VILLAGE ? List.of(area) : subAreas;
    List<ColourRow> result = new ArrayList<>();
    for (Area a : rows) {
      Map<String, Long> n = new LinkedHashMap<>();
      Map<String, Long> d = new LinkedHashMap<>();
      for (String colour : COLOURS) {
        long c = current.getOrDefault(a.getCode(), Map.of()).getOrDefault(colour, 0L);
        long b = before.getOrDefault(a.getCode(), Map.of()).getOrDefault(colour, 0L);
        n.put(colour, c);
        d.put(colour, c - b);
      }
      result.add(new ColourRow(a.getCode(), a.getName(), n, d));
    }
    return result;
  }

  private static int subLength(Area area) {
    return area.getLevel() == AreaLevel.COUNTY ? 9 : 12;
  }

  private Map<String, Map<String, Long>> colourCounts(Area area, int len, Instant asOf) {
    Map<String, Map<String, Long>> counts = new HashMap<>();
    jdbc.query("select substring(a.village_code, 1, " + len + ") grp, a.colour, count(*) "
        + latestAssessments(":asOf") + " and a.village_code like :prefix "
        + "group by substring(a.village_code, 1, " + len + "), a.colour",
        new MapSqlParameterSource("asOf", Timestamp.from(asOf))
            .addValue("prefix", area.getCode() + "%"),
        rs -> {
          counts.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
              .put(rs.getString(2), rs.getLong(3));
        });
    return counts;
  }

  private List<SubArea> subAreas(Area area, List<Area> subAreas) {
    if (subAreas.isEmpty()) {
      return List.of();
    }
    int len = subLength(area);
    Map<String, Long> children = groupCount("select substring(c.village_code, 1, " + len
        + "), count(*) from child c where c.village_code like :prefix group by substring("
        + "c.village_code, 1, " + len + ")", area);
    Map<String, Long> open = groupCount("select substring(g.village_code, 1, " + len
        + "), count(*) from guardianship_case g where g.township_code like :prefix and "
        + "g.village_code is not null and g.status in ('OPEN', 'HANDED_OVER') group by "
        + "substring(g.village_code, 1, " + len + ")", area);
    if (len == 9) {
      open = groupCount("select g.township_code, count(*) from guardianship_case g where "
          + "g.township_code like :prefix and g.status in ('OPEN', 'HANDED_OVER') "
          + "group by g.township_code", area);
    }
    Map<String, Long> red = groupCount("select substring(a.village_code, 1, " + len
        + "), count(*) " + latestAssessments(":asOf") + " and a.colour = 'red' and "
        + "a.village_code like :prefix group by substring(a.village_code, 1, " + len + ")", area);
    List<SubArea> result = new ArrayList<>();
    for (Area a : subAreas) {
      result.add(new SubArea(a.getCode(), a.getName(), children.getOrDefault(a.getCode(), 0L),
          open.getOrDefault(a.getCode(), 0L), red.getOrDefault(a.getCode(), 0L)));
    }
    return result;
  }

  private Map<String, Long> groupCount(String sql, Area area) {
    Map<String, Long> counts = new HashMap<>();
    jdbc.query(sql, new MapSqlParameterSource("prefix", area.getCode() + "%")
        .addValue("asOf", Timestamp.from(clock.instant())), rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        });
    return counts;
  }

  /**
   * Cases in the chain: open (or handed over), and closed cases whose instance still runs (return
   * visits after closure, stage 结案回访).
   */
  static final String IN_CHAIN = "(g.status in ('OPEN', 'HANDED_OVER') or (g.status = 'CLOSED' "
      + "and exists (select 1 from ACT_RU_EXECUTION x where x.PROC_INST_ID_ = "
      + "g.process_instance_id)))";

  /** Cases of the area in the chain, each with its stage (from the engine's active activities). */
  List<CaseRow> openCases(Where w) {
    Map<String, List<String>> activities = new HashMap<>();
    jdbc.query("select g.process_instance_id, e.ACT_ID_ from guardianship_case g join "
        + "ACT_RU_EXECUTION e on e.PROC_INST_ID_ = g.process_instance_id where "
        + w.caseArea("g") + " and " + IN_CHAIN + " and e.ACT_ID_ is not null",
        w.params(), rs -> {
          activities.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(rs.getString(2));
        });
    return jdbc.query("select g.id, g.number, g.status, g.village_code, g.township_code, "
        + "g.process_instance_id, g.opened_at, g.closed_at, g.risk_colour, g.next_step, "
        + "g.triaged_at from guardianship_case g where " + w.caseArea("g")
        + " and " + IN_CHAIN + " order by g.opened_at desc", w.params(),
        (rs, i) -> {
          String pid = rs.getString(6);
          Stage stage = stageOf(activities.getOrDefault(pid, List.of()), rs.getString(3),
              rs.getString(10), rs.getTimestamp(11) != null);
          return new CaseRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), pid, instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)),
              rs.getString(9), stage);
        });
  }

  /** Cases of the area opened or closed in the period (for the completion rate's lists). */
  List<CaseRow> casesInPeriod(Where w, boolean closed, int periodDays) {
    Instant from = clock.instant().minus(Duration.ofDays(periodDays));
    String cond = closed ? "g.status = 'CLOSED' and g.closed_at >= :from"
        : "g.status <> 'MERGED' and g.opened_at >= :from";
    return jdbc.query("select g.id, g.number, g.status, g.village_code, g.township_code, "
        + "g.process_instance_id, g.opened_at, g.closed_at, g.risk_colour from guardianship_case g "
        + "where " + w.caseArea("g") + " and " + cond + " order by g.opened_at desc" + LIST_LIMIT,
        w.params().addValue("from", Timestamp.from(from)),
        (rs, i) -> new CaseRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), instant(rs.getTimestamp(7)),
            instant(rs.getTimestamp(8)), rs.getString(9),
            closed ? Stage.CLOSURE : null));
  }

  /**
   * The stage of an open case: the engine's active activity decides; a case without a running
   * instance (or waiting for part 2) is placed by its row.
   */
  static Stage stageOf(List<String> activities, String status, String nextStep,
      boolean triaged) {
    List<String> acts = activities == null ? Collections.emptyList() : activities;
    if ("CLOSED".equals(status) || acts.stream().anyMatch(CLOSURE_ACTIVITIES::contains)) {
      return Stage.CLOSURE;
    }
    if (acts.stream().anyMatch(a -> a.contains("Intervention"))) {
      return Stage.INTERVENTION;
    }
    if (acts.stream().anyMatch(a -> a.contains("Assistance"))) {
      return Stage.ASSISTANCE;
    }
    if (acts.contains("CallActivity_RiskAssessment") || acts.contains("Task_RegisterChild")
        || acts.contains("Task_LinkChild") || acts.contains("Task_HandOverCase")
        || acts.contains("Task_MergeIntoOpenCase")) {
      return Stage.ASSESSMENT;
    }
    if (acts.contains("CallActivity_EmergencyResponse")) {
      return Stage.EMERGENCY;
    }
    if (acts.contains("Task_TriageReport") || acts.contains("Task_RecordTriage")) {
      return Stage.TRIAGE;
    }
    if (acts.contains("Task_AcknowledgeReport")
        || acts.contains("Task_EvaluateResponsePriority")) {
      return Stage.REPORT;
    }
    if ("HANDED_OVER".equals(status)) {
      return "intervention".equals(nextStep) ? Stage.INTERVENTION : Stage.ASSISTANCE;
    }
    return triaged ? Stage.ASSESSMENT : Stage.TRIAGE;
  }

  /** Overdue tasks of a kind in the area: visits, triage, or any other. */
  TaskQuery overdueQuery(Where w, String kind, Instant now) {
    TaskQuery q = tasks.createTaskQuery().dueBefore(java.util.Date.from(now));
    q = w.level() == AreaLevel.VILLAGE ? q.processVariableValueEquals("villageCode", w.code())
        : q.processVariableValueLike("townshipCode", w.code() + "%");
    return switch (kind) {
      case "visits" -> ofTaskKind(q.processDefinitionKey(MONITORING_KEY), TASK_HOME_VISIT);
      case "triage" -> ofTaskKind(q.processDefinitionKey(CASE_KEY), TASK_TRIAGE);
      case "referrals" -> q.processDefinitionKey(REFERRAL_KEY);
      case "orders" -> q.processDefinitionKey(INTERVENTION_KEY);
      case "all", "other" -> q;
      default -> throw new org.guardian.common.NotFoundException("逾期任务类别 " + kind);
    };
  }

  /**
   * Tasks of one kind, asked for without a tenant (Guardian has none), so that the engine's index
   * on the task's kind, tenant and due date finds the overdue ones of the kind without reading the
   * others ({@code system.EngineAtScale}). Not asked so for the other counts: without a task kind
   * H2 then reads every open task through the index on the tenant (90 ms instead of 1 at 100,000
   * open tasks).
   */
  private static TaskQuery ofTaskKind(TaskQuery q, String taskDefinitionKey) {
    return q.taskDefinitionKey(taskDefinitionKey).withoutTenantId();
  }

  /**
   * When a report's acknowledgement clock runs out: its receipt plus {@code acknowledge-within}, as
   * an SQL interval literal (standard syntax, read the same by H2 and PostgreSQL; the number comes
   * from the configuration, never from a request).
   */
  private String acknowledgeDeadline() {
    return "(r.received_at + interval '" + acknowledgeWithin.toSeconds() + "' second)";
  }

  /** A report acknowledged within its clock. */
  private String acknowledgedInTime() {
    return "r.acknowledged_at is not null and r.acknowledged_at <= " + acknowledgeDeadline();
  }

  /**
   * Reports of the area received in the period whose clock has run out (or that were acknowledged),
   * and those acknowledged in time: one aggregate query; a report still within its clock counts in
   * neither.
   */
  private Rate acceptance(Where w, Instant from, Instant now) {
    MapSqlParameterSource p = w.params().addValue("from", Timestamp.from(from))
        .addValue("now", Timestamp.from(now));
    long[] counts = new long[2];
    jdbc.query("select count(*), sum(case when " + acknowledgedInTime() + " then 1 else 0 end) "
        + "from report r where " + w.caseArea("r") + " and r.received_at >= :from and "
        + "(r.acknowledged_at is not null or " + acknowledgeDeadline() + " <= :now)", p, rs -> {
          counts[0] = rs.getLong(1);
          counts[1] = rs.getLong(2);
        });
    return Rate.of(counts[1], counts[0]);
  }

  /** Reports of the area in the period that missed their acknowledgement clock. */
  List<Map<String, Object>> lateReports(Where w, int periodDays) {
    Instant now = clock.instant();
    Instant from = now.minus(Duration.ofDays(periodDays));
    return jdbc.queryForList("select r.number, r.received_at, r.acknowledged_at, r.village_code, "
        + "r.township_code, r.channel from report r where " + w.caseArea("r")
        + " and r.received_at >= :from and ((r.acknowledged_at is null and "
        + acknowledgeDeadline() + " <= :now) or r.acknowledged_at > " + acknowledgeDeadline()
        + ") order by r.received_at desc" + LIST_LIMIT,
        w.params().addValue("from", Timestamp.from(from)).addValue("now", Timestamp.from(now)));
  }

  Duration acknowledgeWithin() {
    return acknowledgeWithin;
  }

  /** Median hours per stage for the cases whose stage ended in the period. */
  /**
   * A span of the chain whose median the dashboard shows: from one of a case's moments to another
   * (0 opened, 1 triaged, 2 handed over, 3 closed).
   */
  record Span(String key, String label, int start, int end) {}

  static final List<Span> SPANS = List.of(new Span("report-to-triage", "报告至研判", 0, 1),
      new Span("triage-to-handover", "研判至移交帮扶干预", 1, 2),
      new Span("handover-to-closure", "移交至结案", 2, 3),
      new Span("report-to-closure", "报告至结案（全程）", 0, 3));

  /** A case behind a median: its moments (opened, triaged, handed over, closed). */
  record SpanCase(String number, String processInstanceId, String villageCode,
      String townshipCode, Instant[] moments) {}

  /** Cases of the area (merged excluded) of which a moment after the first fell in the period. */
  private List<SpanCase> spanCases(Where w, Instant from) {
    return jdbc.query("select g.number, g.process_instance_id, g.village_code, g.township_code, "
        + "g.opened_at, g.triaged_at, g.handed_over_at, g.closed_at from guardianship_case g "
        + "where " + w.caseArea("g") + " and g.status <> 'MERGED' and (g.triaged_at >= :from "
        + "or g.handed_over_at >= :from or g.closed_at >= :from) order by g.opened_at",
        w.params().addValue("from", Timestamp.from(from)),
        (rs, i) -> new SpanCase(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), new Instant[] {instant(rs.getTimestamp(5)),
                instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)),
                instant(rs.getTimestamp(8))}));
  }

  /** The case's span counts in the period: both moments known, the end in the period. */
  private static boolean ended(SpanCase c, Span span, Instant from) {
    Instant[] m = c.moments();
    return m[span.start()] != null && m[span.end()] != null && !m[span.end()].isBefore(from);
  }

  private List<StageTime> medianTimes(Where w, Instant from) {
    List<SpanCase> cases = spanCases(w, from);
    List<StageTime> result = new ArrayList<>();
    for (Span span : SPANS) {
      List<Long> minutes = new ArrayList<>();
      for (SpanCase c : cases) {
        if (ended(c, span, from)) {
          minutes.add(Duration.between(c.moments()[span.start()], c.moments()[span.end()])
              .toMinutes());
        }
      }
      result.add(median(span, minutes));
    }
    return result;
  }

  /** The cases behind the median of a span: those whose span ended in the period. */
  List<SpanCase> casesOfSpan(Where w, Span span, int periodDays) {
    Instant from = clock.instant().minus(Duration.ofDays(periodDays));
    return spanCases(w, from).stream().filter(c -> ended(c, span, from)).limit(LIST_ROWS + 1)
        .toList();
  }

  private static StageTime median(Span span, List<Long> minutes) {
    Collections.sort(minutes);
    Double hours = null;
    int n = minutes.size();
    if (n > 0) {
      double m = n % 2 == 1 ? minutes.get(n / 2) : (minutes.get(n / 2 - 1) + minutes.get(n / 2))
          / 2.0;
      hours = Math.round(m / 6.0) / 10.0;
    }
    return new StageTime(span.key(), span.label(), n, hours);
  }

  /** Children of the area, optionally of one category, monitored or not (for the lists). */
  List<Map<String, Object>> children(Where w, String category, boolean monitoredOnly,
      String fileStatus) {
    return jdbc.queryForList(childrenSql(w, category, monitoredOnly, fileStatus),
        childrenParams(w, category, fileStatus));
  }

  /**
   * The list of children, found by their village ({@link Where#byVillage}) in the order of
   * the village index, so that the list's first rows are read and checked, not the whole area.
   */
  static String childrenSql(Where w, String category, boolean monitoredOnly, String fileStatus) {
    return "select c.id, c.name, c.birth_date, c.village_code, c.file_status from child c "
        + "where " + w.byVillage("c")
        + (monitoredOnly ? " and " + MONITORED : "")
        + (fileStatus == null ? "" : " and c.file_status = :fileStatus")
        + (category == null ? "" : " and exists (select 1 from child_category cc where "
            + "cc.child_id = c.id and cc.category = :category)")
        + " order by c.village_code, c.id" + LIST_LIMIT;
  }

  static MapSqlParameterSource childrenParams(Where w, String category, String fileStatus) {
    return w.params().addValue("category", category).addValue("fileStatus", fileStatus);
  }

  /** Children of the area whose latest confirmed assessment has the colour. */
  List<Map<String, Object>> childrenOfColour(Where w, String colour) {
    return jdbc.queryForList("select a.child_id, c.name, c.birth_date, a.village_code, "
        + "a.case_number, a.confirmed_at, a.colour "
        + latestAssessments(":asOf").replace("from guardianship_assessment a",
            "from guardianship_assessment a left join child c on c.id = a.child_id")
        + " and a.colour = :colour and a.village_code like :prefix "
        + "order by a.village_code, a.child_id" + LIST_LIMIT,
        w.params().addValue("asOf", Timestamp.from(clock.instant())).addValue("colour", colour)
            .addValue("prefix", w.code() + "%"));
  }

  /** Children of the area in long-term state guardianship (orders in force, not restored). */
  List<Map<String, Object>> longTermGuardianships(Where w) {
    return jdbc.queryForList("select o.id, o.case_number, o.child_id, g.village_code, "
        + "g.township_code, o.issued_on, o.terms " + orderArea(w) + " and " + LONG_TERM_IN_FORCE
        + " order by o.issued_on, o.id" + LIST_LIMIT, w.params());
  }

  /**
   * Intervention orders of the area: of one kind recorded in the period, or ({@code status}
   * {@code APPLIED}) the court applications waiting for a ruling, or ({@code GRANTED}) the
   * protection orders in force.
   */
  List<Map<String, Object>> orders(Where w, String kind, String status, int periodDays) {
    Instant now = clock.instant();
    MapSqlParameterSource p = w.params().addValue("kind", kind)
        .addValue("fromDay", java.sql.Date.valueOf(day(now.minus(Duration.ofDays(periodDays)))))
        .addValue("today", java.sql.Date.valueOf(day(now)));
    String cond = "APPLIED".equals(status) ? COURT_PENDING
        : "GRANTED".equals(status) ? PROTECTION_IN_FORCE
        : "o.kind = :kind and o.issued_on >= :fromDay";
    return jdbc.queryForList("select o.id, o.case_number, o.child_id, o.kind, o.status, "
        + "o.issuer, o.issued_on, o.valid_until, g.village_code, g.township_code, "
        + "g.process_instance_id " + orderArea(w) + " and " + cond
        + " order by o.issued_on desc, o.id desc" + LIST_LIMIT, p);
  }

  /** Visits of the area in the period done after their due day. */
  List<Map<String, Object>> lateVisits(Where w, int periodDays) {
    Instant from = clock.instant().minus(Duration.ofDays(periodDays));
    return jdbc.queryForList("select v.child_id, c.name, c.birth_date, v.village_code, "
        + "v.due_on, v.visited_on, v.recorded_by from visit_record v join child c on c.id = "
        + "v.child_id where " + w.byVillage("v") + " and v.due_on is not null and "
        + "v.visited_on >= :fromDay and v.visited_on > v.due_on "
        + "order by v.visited_on desc" + LIST_LIMIT, w.params()
        .addValue("fromDay", java.sql.Date.valueOf(day(from))));
  }

  /** The kind of overdue work a task counts as (the same split as {@link #overdueQuery}). */
  static String overdueKindOf(String processDefinitionId, String taskDefinitionKey) {
    String key = processDefinitionId == null ? "" : processDefinitionId.split(":")[0];
    if (key.equals(MONITORING_KEY) && TASK_HOME_VISIT.equals(taskDefinitionKey)) {
      return "visits";
    }
    if (key.equals(CASE_KEY) && TASK_TRIAGE.equals(taskDefinitionKey)) {
      return "triage";
    }
    if (key.equals(REFERRAL_KEY)) {
      return "referrals";
    }
    if (key.equals(INTERVENTION_KEY)) {
      return "orders";
    }
    return "other";
  }

  /** Active temporary guardianships of the area. */
  List<Map<String, Object>> temporaryGuardianships(Where w) {
    return jdbc.queryForList("select p.id, p.case_number, p.child_id, p.village_code, "
        + "p.township_code, p.decided_at, p.reviews from placement p where " + w.caseArea("p")
        + " and p.kind = 'TEMPORARY_GUARDIANSHIP' and p.status = 'ACTIVE' order by p.decided_at" + LIST_LIMIT,
        w.params());
  }

  Instant now() {
    return clock.instant();
  }

  /** A timestamp column as JDBC drivers hand it out (H2: OffsetDateTime, PostgreSQL: Timestamp). */
  static Instant instantOf(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof java.time.ZonedDateTime z) {
      return z.toInstant();
    }
    if (value instanceof Instant i) {
      return i;
    }
    throw new IllegalArgumentException("not a timestamp: " + value.getClass());
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  /** The area restriction of a query. */
  record Where(String code, AreaLevel level) {
    static Where of(Area area) {
      return new Where(area.getCode(), area.getLevel());
    }

    MapSqlParameterSource params() {
      return new MapSqlParameterSource("area", code).addValue("prefix", code + "%");
    }

    /** Children are registered in a village. */
    String child(String alias) {
      return level == AreaLevel.VILLAGE ? alias + ".village_code = :area"
          : alias + ".township_code like :prefix";
    }

    /**
     * Rows by their village, for a township or the county by the prefix of its villages' codes.
     * Visits know their village only. Children have their township too ({@link #child}), but
     * the lists of children are ordered by village and id: found through the village index they
     * come in that order, so a list reads its first rows only. With the township's condition H2
     * read, checked and sorted all of a county's 100,000 children for a list's first 1,000 (1.0 s
     * against 15 ms; docs/benchmarks.md item 51).
     */
    String byVillage(String alias) {
      return level == AreaLevel.VILLAGE ? alias + ".village_code = :area"
          : alias + ".village_code like :prefix";
    }

    /** Cases, reports and placements always know their township, not always their village. */
    String caseArea(String alias) {
      return level == AreaLevel.VILLAGE ? alias + ".village_code = :area"
          : alias + ".township_code like :prefix";
    }
  }
}
