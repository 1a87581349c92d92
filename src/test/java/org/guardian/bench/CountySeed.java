package org.guardian.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.guardian.registry.ResidentIdNumber;

/**
 * A county of N children written straight into the registry tables (the monitoring of each is
 * started by Guardian itself at start-up, guardian.monitoring.enrol-existing): the mix of the demo
 * data (60 % left-behind, 30 % in difficulty, 10 % orphans or de-facto unsupported; 10 % also
 * single-parent; 15 % with a risk flag), spread over every village of the demo county, registered in
 * the last three days. Fixed seed: the same N gives the same county.
 */
final class CountySeed {

  static final long FIRST_ID = 10_000_001L;
  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周",
      "吴", "徐", "孙", "马", "朱", "胡"};
  private static final String[] GIVEN = {"子涵", "浩然", "梓萱", "宇轩", "欣怡", "俊杰", "诗涵",
      "博文", "雨桐", "一诺", "思远", "佳怡"};
  private static final String[] ADULT = {"建国", "秀英", "桂兰", "志强", "丽娟", "海峰"};
  private static final String[] FLAGS = {"POOR_GUARDIANSHIP", "SCHOOL_DROPOUT", "SERIOUS_ILLNESS",
      "SEVERE_DISABILITY", "RUNAWAY_HISTORY", "PARENT_DISABLED", "PSYCH_BEHAVIOURAL_ANOMALY"};
  private static final String[] KINDS = {"FAMILY_POVERTY", "OWN_DISABILITY",
      "GUARDIANSHIP_ABSENT_OR_IMPROPER"};

  /** A seeded child as the reports of the bench name it. */
  record Child(long id, String name, String idNumber, String villageCode, String profile,
      LocalDate birthDate) {}

  private CountySeed() {}

  /** Writes the N children; returns them. */
  static List<Child> write(Connection c, int n, LocalDate today, List<String> villages, int from,
      int to) throws SQLException {
    c.setAutoCommit(false);
    List<Child> written = new ArrayList<>(n);
    Random r = new Random(20261124L);
    Instant now = Instant.now();
    try (PreparedStatement child = c.prepareStatement("insert into child (id, version, name, sex,"
        + " birth_date, id_number, address, village_code, township_code, county_code,"
        + " difficulty_kind, school, caregiver_name, caregiver_relationship, caregiver_phone,"
        + " caregiver_named_on, caregiver_last_weekly_contact, household_size,"
        + " household_economic_status, household_registered_address, file_status, created_at,"
        + " created_by, updated_at, updated_by) values (?, 0, ?, ?, ?, ?, ?, ?, ?, '371330', ?, ?,"
        + " ?, ?, ?, ?, ?, ?, ?, ?, 'REVIEWED', ?, 'bench', ?, 'bench')");
        PreparedStatement category = c.prepareStatement(
            "insert into child_category (child_id, category) values (?, ?)");
        PreparedStatement flag = c.prepareStatement(
            "insert into child_risk_flag (child_id, flag) values (?, ?)");
        PreparedStatement guardian = c.prepareStatement("insert into guardian (id, child_id, name,"
            + " relationship, capacity, phone, works_away, works_away_since, works_away_place)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < n; i++) {
        long id = FIRST_ID + i;
        String name = name(r);
        String village = villages.get(r.nextInt(villages.size()));
        int roll = Math.floorMod(r.nextInt(), 100);
        boolean male = (i & 1) == 1;
        // unique ID numbers: the day of birth from i mod 5000, the sequence from i / 5000
        LocalDate birth = today.minusYears(1).minusDays((i * 7919L) % 5000);
        String first17 = "371302" + birth.toString().replace("-", "")
            + String.format("%03d", ((i / 5000) % 500) * 2 + (male ? 1 : 0));
        String idNumber = first17 + ResidentIdNumber.checkCharacter(first17);
        boolean leftBehind = roll < 60;
        boolean difficulty = roll >= 60 && roll < 90;
        String kind = difficulty ? KINDS[i % KINDS.length] : null;
        Instant registered = now.minus(i % 3, ChronoUnit.DAYS);
        int p = 1;
        child.setLong(p++, id);
        child.setString(p++, name);
        child.setString(p++, male ? "MALE" : "FEMALE");
        child.setObject(p++, birth);
        child.setString(p++, idNumber);
        child.setString(p++, "青溪县" + (1 + i % 200) + "号");
        child.setString(p++, village);
        child.setString(p++, village.substring(0, 9));
        child.setString(p++, kind);
        child.setString(p++, "青溪县实验小学");
        child.setString(p++, leftBehind ? SURNAMES[i % SURNAMES.length] + ADULT[i % ADULT.length]
            : null);
        child.setString(p++, leftBehind ? "GRANDPARENT" : null);
        child.setString(p++, leftBehind ? "13900000000" : null);
        child.setObject(p++, leftBehind ? today.minusMonths(8) : null);
        child.setObject(p++, leftBehind ? today.minusDays(i % 7) : null);
        child.setInt(p++, 2 + i % 5);
        child.setString(p++, difficulty ? "LOW_INCOME" : roll >= 90 ? "EXTREME_POVERTY"
            : "ORDINARY");
        child.setString(p++, "青溪县");
        child.setTimestamp(p++, Timestamp.from(registered));
        child.setTimestamp(p++, Timestamp.from(registered));
        Child seeded = new Child(id, name, idNumber, village, (leftBehind ? "L" : difficulty
            ? "D" + kind : "O") + (i % 10 == 3 ? "S" : "") + (i % 100 < 15 ? FLAGS[i % FLAGS.length]
            : ""), birth);
        written.add(seeded);
        if (i < from || i >= to) {
          child.clearParameters();
          continue;
        }
        child.addBatch();
        category.setLong(1, id);
        category.setString(2, leftBehind ? "LEFT_BEHIND" : difficulty ? "IN_DIFFICULTY"
            : (i & 2) == 0 ? "SCATTERED_ORPHAN" : "DE_FACTO_UNSUPPORTED");
        category.addBatch();
        if (i % 10 == 3) {
          category.setLong(1, id);
          category.setString(2, "SINGLE_PARENT");
          category.addBatch();
        }
        if (i % 100 < 15) {
          flag.setLong(1, id);
          flag.setString(2, FLAGS[i % FLAGS.length]);
          flag.addBatch();
        }
        guardian.setLong(1, id);
        guardian.setLong(2, id);
        guardian.setString(3, SURNAMES[i % SURNAMES.length] + ADULT[(i + 1) % ADULT.length]);
        guardian.setString(4, roll >= 90 ? "GRANDPARENT" : "FATHER");
        guardian.setString(5, roll >= 90 ? "LIMITED" : "FULL");
        guardian.setString(6, "13800000000");
        guardian.setBoolean(7, leftBehind);
        guardian.setObject(8, leftBehind ? today.minusMonths(8) : null);
        guardian.setString(9, leftBehind ? "浙江省宁波市" : null);
        guardian.addBatch();
        if (i % 2000 == 1999 || i == to - 1) {
          child.executeBatch();
          category.executeBatch();
          flag.executeBatch();
          guardian.executeBatch();
          c.commit();
        }
        if (i % 20000 == 19999 && i >= from && i < to) {
          Bench.progress("seed: %d of %d children written", i + 1, n);
        }
      }
    }
    c.setAutoCommit(true);
    return written;
  }

  private static String name(Random r) {
    return SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
  }

  static ZoneId zone() {
    return ZoneId.of("Asia/Shanghai");
  }
}
