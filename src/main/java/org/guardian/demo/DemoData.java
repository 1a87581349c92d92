package org.guardian.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.guardian.people.Area;
import org.guardian.people.AreaLevel;
import org.guardian.people.Areas;
import org.guardian.monitoring.VisitHistoryImport;
import org.guardian.people.PeopleDirectory;
import org.guardian.people.PeopleDirectory.Person;
import org.guardian.people.Role;
import org.guardian.registry.Category;
import org.guardian.registry.ChildData;
import org.guardian.registry.ChildData.CaregiverData;
import org.guardian.registry.ChildData.GuardianData;
import org.guardian.registry.ChildData.HouseholdData;
import org.guardian.registry.ChildService;
import org.guardian.registry.ChildView;
import org.guardian.registry.DifficultyKind;
import org.guardian.registry.EconomicStatus;
import org.guardian.registry.GuardianshipCapacity;
import org.guardian.registry.Relationship;
import org.guardian.registry.ResidentIdNumber;
import org.guardian.registry.RiskFlag;
import org.guardian.registry.Sex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo people and children, loaded only in the {@code demo} profile (the default): the county tree
 * of {@link DemoCounty}, one person per role and area (password {@code guardian.demo.password}),
 * and 200 children with a realistic mix (left-behind about 60%, in difficulty about 30%, orphans and
 * de-facto unsupported about 10%), each with a visit history ({@link DemoVisits}; off with {@code
 * guardian.demo.visit-history=false}). Deterministic and idempotent: a restart adds only what is
 * missing. Their monitoring starts once the application is ready (see the monitoring module).
 */
@Component
@Profile("demo")
@Order(10)
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  static final int CHILDREN = 200;

  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周",
      "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "宋", "谢"};
  private static final String[] GIVEN = {"子涵", "浩然", "雨桐", "梓萱", "宇轩", "欣怡", "俊杰",
      "思琪", "博文", "佳怡", "一诺", "语桐", "明轩", "诗涵", "天佑", "若曦", "嘉豪", "可馨", "晨阳",
      "梦瑶", "志远", "雅琪", "子墨", "心怡", "泽宇", "安然", "文博", "紫涵"};
  private static final String[] ADULT_GIVEN = {"建国", "秀英", "桂兰", "志强", "丽娟", "海峰",
      "玉梅", "国栋", "春花", "红霞", "德明", "淑珍"};
  private static final String[] CITIES = {"浙江省宁波市", "江苏省苏州市", "广东省东莞市",
      "上海市", "北京市", "天津市", "山东省青岛市", "福建省厦门市"};
  private static final String[] SCHOOLS = {"青溪县实验小学", "青溪县第一中学", "石桥镇中心小学",
      "柳河镇中学", "东岭镇中心小学", "白沙镇初级中学", "龙泉镇中心小学", "杏花镇中学"};

  private final Areas areas;
  private final PeopleDirectory people;
  private final ChildService children;
  private final Clock clock;
  private final String password;
  /** The last few files are new registrations waiting for their review (processes started). */
  private final int pendingReviews;
  private final VisitHistoryImport visits;
  /** Demo children get a visit history before their monitoring starts. */
  private final boolean visitHistory;

  DemoData(Areas areas, PeopleDirectory people, ChildService children, Clock clock,
      @Value("${guardian.demo.password:demo}") String password,
      @Value("${guardian.demo.pending-reviews:10}") int pendingReviews,
      VisitHistoryImport visits,
      @Value("${guardian.demo.visit-history:true}") boolean visitHistory) {
    this.areas = areas;
    this.people = people;
    this.children = children;
    this.clock = clock;
    this.password = password;
    this.pendingReviews = pendingReviews;
    this.visits = visits;
    this.visitHistory = visitHistory;
  }

  @Override
  public void run(ApplicationArguments args) {
    long t0 = System.nanoTime();
    Added added = load();
    log.info("demo data: {} areas, {} people and {} children added ({} ms)", added.areas(),
        added.people(), added.children(), (System.nanoTime() - t0) / 1_000_000);
  }

  /** What a load of the demo data added: nothing, on a county that has it all. */
  record Added(int areas, int people, int children) {}

  Added load() {
    int addedAreas = areas.addMissing(DemoCounty.areas());
    int addedPeople = loadPeople();
    return new Added(addedAreas, addedPeople, loadChildren());
  }

  private int loadPeople() {
    String county = DemoCounty.COUNTY;
    List<Person> demoPeople = new ArrayList<>();
    demoPeople.add(new Person("demo", "演示管理员", Role.ADMIN, county));
    demoPeople.add(new Person("supervisor", "县督导", Role.SUPERVISOR, county));
    demoPeople.add(new Person("centre", "县救助保护中心", Role.COUNTY_CENTRE, county));
    demoPeople.add(new Person("legal", "公职律师", Role.LEGAL_OFFICER, county));
    demoPeople.add(new Person("policy", "政策组", Role.POLICY_TEAM, county));
    demoPeople.add(new Person("expert", "县专家库专家", Role.EXPERT, county));
    demoPeople.add(new Person("socialorg", "青溪县阳光社工服务中心", Role.SOCIAL_ORGANISATION,
        county));
    // mandatory reporters (强制报告责任人): one account per kind of organisation that must report
    demoPeople.add(new Person("hospital", "青溪县人民医院", Role.REPORTER, county));
    demoPeople.add(new Person("ambulance", "青溪县120急救中心", Role.REPORTER, county));
    demoPeople.add(new Person("hotline", "12345政务服务便民热线", Role.REPORTER, county));
    demoPeople.add(new Person("school-101", "青溪镇中心小学", Role.REPORTER, county + "101"));
    demoPeople.add(new Person("police-101", "青溪镇派出所", Role.REPORTER, county + "101"));
    demoPeople.add(new Person("committee-101201", "东庄村村民委员会", Role.REPORTER,
        county + "101201"));
    for (Area township : areas.all(AreaLevel.TOWNSHIP)) {
      if (!township.getCode().startsWith(county)) {
        continue;
      }
      String t = township.getCode().substring(6);
      String name = township.getName();
      demoPeople.add(new Person("chief-" + t, name + "站长", Role.STATION_CHIEF,
          township.getCode()));
      demoPeople.add(new Person("csup-" + t, name + "儿童督导员", Role.CHILD_SUPERVISOR,
          township.getCode()));
      demoPeople.add(new Person("sup-" + t, name + "督导", Role.SUPERVISOR, township.getCode()));
      for (Area village : areas.childrenOf(township.getCode())) {
        demoPeople.add(new Person("director-" + village.getCode().substring(6),
            village.getName() + "儿童主任", Role.CHILD_DIRECTOR, village.getCode()));
      }
    }
    return people.ensurePeople(demoPeople, password);
  }

  private int loadChildren() {
    List<Area> villages = areas.all(AreaLevel.VILLAGE).stream()
        .filter(v -> v.getCode().startsWith(DemoCounty.COUNTY)).toList();
    Random random = new Random(20261123L);
    LocalDate today = LocalDate.now(clock);
    List<ChildData> files = new ArrayList<>();
    for (int i = 0; i < CHILDREN; i++) {
      files.add(child(i, villages.get(random.nextInt(villages.size())), random, today));
    }
    Set<String> registered = children.registered(files.stream().map(ChildData::idNumber).toList());
    int added = 0;
    for (int i = 0; i < CHILDREN; i++) {
      ChildData data = files.get(i);
      if (registered.contains(data.idNumber())) {
        continue;
      }
      ChildView created = i >= CHILDREN - pendingReviews ? children.register(data)
          : children.importReviewed(data);
      if (visitHistory) {
        visits.importVisits(created.id(), DemoVisits.history(i, data, today));
      }
      added++;
    }
    return added;
  }

  private ChildData child(int i, Area village, Random r, LocalDate today) {
    Sex sex = r.nextBoolean() ? Sex.MALE : Sex.FEMALE;
    String surname = SURNAMES[r.nextInt(SURNAMES.length)];
    String name = surname + GIVEN[r.nextInt(GIVEN.length)];
    int roll = r.nextInt(100);
    Set<Category> categories = EnumSet.noneOf(Category.class);
    DifficultyKind kind = null;
    int maxAge;
    if (roll < 60) {
      categories.add(Category.LEFT_BEHIND);
      maxAge = 15;
    } else if (roll < 90) {
      categories.add(Category.IN_DIFFICULTY);
      kind = DifficultyKind.values()[r.nextInt(DifficultyKind.values().length)];
      maxAge = 17;
    } else {
      categories.add(r.nextBoolean() ? Category.SCATTERED_ORPHAN : Category.DE_FACTO_UNSUPPORTED);
      maxAge = 17;
    }
    if (r.nextInt(10) == 0) {
      categories.add(Category.SINGLE_PARENT);
    }
    LocalDate birth = today.minusYears(1 + r.nextInt(maxAge)).minusDays(1 + r.nextInt(360));
    String idNumber = idNumber(i, birth, sex);
    Set<RiskFlag> flags = EnumSet.noneOf(RiskFlag.class);
    if (r.nextInt(100) < 15) {
      flags.add(RiskFlag.values()[r.nextInt(RiskFlag.values().length)]);
    }
    if (kind == DifficultyKind.OWN_DISABILITY && r.nextBoolean()) {
      flags.add(RiskFlag.SEVERE_DISABILITY);
    }
    List<GuardianData> guardians = new ArrayList<>();
    CaregiverData caregiver = null;
    EconomicStatus status = EconomicStatus.ORDINARY;
    if (categories.contains(Category.LEFT_BEHIND)) {
      LocalDate since = today.minusMonths(7 + r.nextInt(60));
      guardians.add(new GuardianData(surname + ADULT_GIVEN[r.nextInt(6) * 2 % 12],
          Relationship.FATHER, GuardianshipCapacity.FULL, phone(r), true, since,
          CITIES[r.nextInt(CITIES.length)]));
      boolean motherAway = r.nextInt(3) > 0;
      guardians.add(new GuardianData(SURNAMES[r.nextInt(SURNAMES.length)]
          + ADULT_GIVEN[1 + r.nextInt(6) * 2 % 11], Relationship.MOTHER,
          motherAway ? GuardianshipCapacity.FULL : GuardianshipCapacity.LIMITED, phone(r),
          motherAway, motherAway ? since : null,
          motherAway ? CITIES[r.nextInt(CITIES.length)] : null));
      LocalDate lastContact = today.minusDays(r.nextInt(20));
      caregiver = new CaregiverData(surname + ADULT_GIVEN[r.nextInt(ADULT_GIVEN.length)],
          Relationship.GRANDPARENT, phone(r), since, lastContact.isBefore(since) ? since
              : lastContact);
    } else if (categories.contains(Category.IN_DIFFICULTY)) {
      status = kind == DifficultyKind.FAMILY_POVERTY ? EconomicStatus.SUBSISTENCE_ALLOWANCE
          : EconomicStatus.LOW_INCOME;
      guardians.add(new GuardianData(surname + ADULT_GIVEN[r.nextInt(ADULT_GIVEN.length)],
          r.nextBoolean() ? Relationship.FATHER : Relationship.MOTHER,
          kind == DifficultyKind.GUARDIANSHIP_ABSENT_OR_IMPROPER ? GuardianshipCapacity.LIMITED
              : GuardianshipCapacity.FULL, phone(r), false, null, null));
    } else {
      status = EconomicStatus.EXTREME_POVERTY;
      guardians.add(new GuardianData(surname + ADULT_GIVEN[r.nextInt(ADULT_GIVEN.length)],
          r.nextBoolean() ? Relationship.GRANDPARENT : Relationship.OTHER_RELATIVE,
          GuardianshipCapacity.LIMITED, phone(r), false, null, null));
    }
    HouseholdData household = new HouseholdData(2 + r.nextInt(5), status,
        DemoCounty.COUNTY_NAME + village.getName(), null);
    return new ChildData(name, sex, birth, idNumber, DemoCounty.COUNTY_NAME + village.getName()
        + (1 + r.nextInt(200)) + "号", village.getCode(), categories, kind, flags,
        SCHOOLS[r.nextInt(SCHOOLS.length)], guardians, caregiver, household, null);
  }

  /** A valid, unique ID number: county code, birth date, sequence (odd for boys), check digit. */
  static String idNumber(int i, LocalDate birth, Sex sex) {
    int seq = (i % 500) * 2 + (sex == Sex.MALE ? 1 : 0);
    String first17 = DemoCounty.COUNTY
        + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
        + String.format("%03d", seq);
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  private static String phone(Random r) {
    return "1" + (3 + r.nextInt(7)) + String.format("%09d", r.nextInt(1_000_000_000));
  }
}
