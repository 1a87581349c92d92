package org.guardian.registry;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.guardian.audit.AuditAction;
import org.guardian.audit.AuditLog;
import org.guardian.common.ConflictException;
import org.guardian.common.FieldProblem;
import org.guardian.common.ForbiddenException;
import org.guardian.common.InvalidInputException;
import org.guardian.common.NotFoundException;
import org.guardian.common.PageResult;
import org.guardian.people.Area;
import org.guardian.people.Areas;
import org.guardian.people.CurrentUser;
import org.guardian.people.Role;
import org.guardian.workflow.AreaVariables;
import org.guardian.workflow.TaskNaming;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The child registry: one file per child, created, read, changed and searched by caseworkers within
 * their area. Every read and change is audited; every change is kept by Envers.
 */
@Service
public class ChildService {

  /** Roles that create and change children's files. */
  static final Role[] WRITERS = {Role.CHILD_DIRECTOR, Role.CHILD_SUPERVISOR, Role.STATION_CHIEF,
      Role.COUNTY_CENTRE, Role.ADMIN};
  /** Roles that read children's files. */
  static final Role[] READERS = {Role.CHILD_DIRECTOR, Role.CHILD_SUPERVISOR, Role.STATION_CHIEF,
      Role.COUNTY_CENTRE, Role.LEGAL_OFFICER, Role.SUPERVISOR, Role.ADMIN};

  /** Left-behind children are those under 16; the registry holds minors. */
  static final int LEFT_BEHIND_AGE_LIMIT = 16;
  static final int MINOR_AGE_LIMIT = 18;

  private final ChildRepository children;
  private final Areas areas;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final ChildHistory history;
  private final Clock clock;

  ChildService(ChildRepository children, Areas areas, AuditLog audit,
      ApplicationEventPublisher events, EntityManager entityManager, Clock clock) {
    this.children = children;
    this.areas = areas;
    this.audit = audit;
    this.events = events;
    this.history = new ChildHistory(entityManager);
    this.clock = clock;
  }

  /** A caseworker registers a child; the township's child supervisor will review the file. */
  @Transactional
  public ChildView register(ChildData data) {
    return create(data, FileStatus.PENDING_REVIEW);
  }

  /** Imports a file that was reviewed elsewhere (migration of existing files, demo data). */
  @Transactional
  public ChildView importReviewed(ChildData data) {
    return create(data, FileStatus.REVIEWED);
  }

  private ChildView create(ChildData data, FileStatus status) {
    CurrentUser user = requireRole(WRITERS);
    validate(data, null);
    if (!user.covers(data.villageCode())) {
      throw new ForbiddenException("不能为本人辖区以外的村（社区）建立儿童档案");
    }
    String idNumber = ResidentIdNumber.normalise(data.idNumber());
    if (children.existsByIdNumber(idNumber)) {
      throw new ConflictException("idNumber", "该身份证号码已有儿童档案");
    }
    Instant now = clock.instant();
    Child child = new Child(idNumber, status, now, user.id());
    child.apply(data, now, user.id());
    children.saveAndFlush(child);
    audit.record(AuditAction.CHILD_CREATED, child.getId(), child.getVillageCode(),
        "fileStatus=" + status);
    events.publishEvent(new ChildRegistered(child.getId(), child.getVillageCode(),
        status == FileStatus.PENDING_REVIEW));
    return view(child);
  }

  /** Reads a child's file (audited). Unknown children and children of other areas are 404. */
  @Transactional
  public ChildView get(long id) {
    Child child = readable(id);
    audit.record(AuditAction.CHILD_READ, id, child.getVillageCode(), null);
    return view(child);
  }

  /** Replaces the content of a child's file; {@code data.version} must be the version last read. */
  @Transactional
  public ChildView update(long id, ChildData data) {
    CurrentUser user = requireRole(WRITERS);
    Child child = readable(id);
    List<FieldProblem> problems = new ArrayList<>();
    if (data.version() == null) {
      problems.add(new FieldProblem("version", "修改档案时必须提供读取时的版本号"));
    }
    validate(data, problems);
    if (!user.covers(data.villageCode())) {
      throw new ForbiddenException("不能把儿童档案转到本人辖区以外的村（社区）");
    }
    if (data.version() != child.getVersion()) {
      throw new ConflictException("version", "档案已被他人修改，请重新读取后再提交");
    }
    String idNumber = ResidentIdNumber.normalise(data.idNumber());
    if (children.existsByIdNumberAndIdNot(idNumber, id)) {
      throw new ConflictException("idNumber", "该身份证号码已有儿童档案");
    }
    Map<String, String> before = ChildHistory.flatten(child);
    child.apply(data, clock.instant(), user.id());
    Set<String> changed = ChildHistory.changedFields(before, ChildHistory.flatten(child));
    children.saveAndFlush(child);
    audit.record(AuditAction.CHILD_UPDATED, id, child.getVillageCode(),
        "fields=" + String.join(",", changed));
    if (!changed.isEmpty()) {
      events.publishEvent(new ChildFileChanged(id, child.getVillageCode(), changed));
    }
    return view(child);
  }

  /** Searches the files of the caller's areas (audited with the criteria names and result ids). */
  @Transactional
  public PageResult<ChildView.Summary> search(ChildSearch search, int page, int size) {
    CurrentUser user = requireRole(READERS);
    Specification<Child> spec = (root, query, cb) -> {
      List<Predicate> where = new ArrayList<>();
      if (search.name() != null && !search.name().isBlank()) {
        where.add(cb.like(root.get("name"), "%" + escapeLike(search.name().trim()) + "%", '\\'));
      }
      if (search.idNumber() != null) {
        where.add(cb.equal(root.get("idNumber"), ResidentIdNumber.normalise(search.idNumber())));
      }
      if (search.area() != null) {
        where.add(cb.like(root.get("villageCode"), search.area() + "%"));
      }
      if (search.category() != null) {
        where.add(cb.isMember(search.category(), root.get("categories")));
      }
      if (search.flag() != null) {
        where.add(cb.isMember(search.flag(), root.get("riskFlags")));
      }
      if (search.fileStatus() != null) {
        where.add(cb.equal(root.get("fileStatus"), search.fileStatus()));
      }
      if (!user.isAdmin()) {
        List<Predicate> scope = user.areaCodes().stream()
            .map(code -> cb.like(root.get("villageCode"), code + "%")).toList();
        where.add(scope.isEmpty() ? cb.disjunction() : cb.or(scope.toArray(Predicate[]::new)));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
    var result = children.findAll(spec, PageRequest.of(page, size, Sort.by("id")));
    LocalDate today = LocalDate.now(clock);
    PageResult<ChildView.Summary> out =
        PageResult.of(result, c -> ChildView.Summary.of(c, areaName(c.getVillageCode()), today));
    String ids = out.items().stream().map(s -> String.valueOf(s.id()))
        .reduce((a, b) -> a + "," + b).orElse("");
    audit.record(AuditAction.CHILD_SEARCHED, null, null, "criteria=" + search.criteriaNames()
        + "; results=" + out.totalItems() + "; ids=" + ids);
    return out;
  }

  /** The full change history of a child's file: who changed what, when (audited). */
  @Transactional
  public List<ChildHistory.Change> history(long id) {
    Child child = readable(id);
    audit.record(AuditAction.CHILD_HISTORY_READ, id, child.getVillageCode(), null);
    return history.of(id);
  }

  /**
   * Those of these ID numbers that have a file (in any area; says nothing else about them), as
   * given; each is compared as files keep it ({@link ResidentIdNumber#normalise}). One query.
   */
  @Transactional(readOnly = true)
  public Set<String> registered(Collection<String> idNumbers) {
    if (idNumbers.isEmpty()) {
      return Set.of();
    }
    Set<String> filed = children.findIdNumbersIn(
        idNumbers.stream().map(ResidentIdNumber::normalise).collect(Collectors.toSet()));
    return idNumbers.stream().filter(n -> filed.contains(ResidentIdNumber.normalise(n)))
        .collect(Collectors.toSet());
  }

  /**
   * The variables every process about a child carries: {@code childId}, the area variables by which
   * its tasks are routed, and {@code childLabel}, a display name safe for a task list (masked name,
   * age, village; see {@link ChildLabel}). Not audited as a read: it exposes no file content
   * beyond the masked label.
   */
  @Transactional(readOnly = true)
  public Map<String, Object> processVariables(long childId) {
    Child child = children.findById(childId)
        .orElseThrow(() -> new NotFoundException("儿童档案不存在"));
    Map<String, Object> vars = AreaVariables.of(child.getVillageCode());
    vars.put("childId", child.getId());
    vars.put(TaskNaming.CHILD_LABEL, ChildLabel.of(child.getName(),
        child.ageOn(LocalDate.now(clock)),
        areas.find(child.getVillageCode()).map(Area::getName).orElse("")));
    return vars;
  }

  /**
   * Checks that the current person may read the child's file, as for {@link #get} (role, then area:
   * 404 outside it), and audits the read of one part of the file that another module keeps (for
   * example {@code visits} or {@code warnings}). Returns the child's village code.
   */
  @Transactional
  public String requireReadable(long childId, String part) {
    Child child = readable(childId);
    audit.record(AuditAction.CHILD_READ, childId, child.getVillageCode(), "part=" + part);
    return child.getVillageCode();
  }

  /**
   * The facts a process decides on (area, birth date, categories, risk flags), read on behalf of the
   * process that asks (no role check: the process is the system's), audited with its purpose.
   */
  @Transactional
  public ChildProfile profile(long childId, String purpose) {
    Child child = children.findById(childId)
        .orElseThrow(() -> new NotFoundException("儿童档案不存在"));
    audit.record(AuditAction.CHILD_READ, childId, child.getVillageCode(),
        "part=profile; purpose=" + purpose);
    return ChildProfile.of(child, clock.getZone());
  }

  /** The ids of all files, for jobs that must reach every child (no personal data). */
  @Transactional(readOnly = true)
  public List<Long> childIds() {
    return children.findAllIds();
  }

  /**
   * Records a new entrusted caregiver (委托照护人) named after a home visit found the previous one
   * incapable. On behalf of the process whose task the child director completed (no role check: the
   * task was routed to the village's child director); audited and kept in the file's history.
   */
  @Transactional
  public void replaceCaregiver(long childId, ChildData.CaregiverData caregiver) {
    Child child = children.findById(childId)
        .orElseThrow(() -> new NotFoundException("儿童档案不存在"));
    List<FieldProblem> problems = new ArrayList<>();
    if (caregiver == null || caregiver.name() == null || caregiver.name().isBlank()
        || caregiver.name().trim().length() > 50) {
      problems.add(new FieldProblem("caregiver.name", "应为1至50个字"));
    }
    if (caregiver == null || caregiver.relationship() == null) {
      problems.add(new FieldProblem("caregiver.relationship", "必填"));
    }
    if (caregiver != null && caregiver.phone() != null
        && !caregiver.phone().matches(ChildData.PHONE)) {
      problems.add(new FieldProblem("caregiver.phone", ChildData.PHONE_MESSAGE));
    }
    if (caregiver != null && caregiver.namedOn() != null
        && caregiver.namedOn().isAfter(LocalDate.now(clock))) {
      problems.add(new FieldProblem("caregiver.namedOn", "不能晚于今天"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Map<String, String> before = ChildHistory.flatten(child);
    child.replaceCaregiver(new EntrustedCaregiver(caregiver.name().trim(),
        caregiver.relationship(), caregiver.phone(), caregiver.namedOn(),
        caregiver.lastWeeklyContact()), clock.instant(), CurrentUser.get().id());
    Set<String> changed = ChildHistory.changedFields(before, ChildHistory.flatten(child));
    children.saveAndFlush(child);
    audit.record(AuditAction.CHILD_UPDATED, childId, child.getVillageCode(),
        "fields=" + String.join(",", changed) + "; reason=caregiver replaced");
    if (!changed.isEmpty()) {
      events.publishEvent(new ChildFileChanged(childId, child.getVillageCode(), changed));
    }
  }

  /**
   * Finds the file a report is about: by ID number, else by name + birth date + village (exactly one
   * file must match; two namesakes born the same day in one village match nothing). For the intake of
   * reports, on behalf of whoever reports (a member of the public included), so no role is checked:
   * the caller learns only the file's id, village and birth date. Every attempt is audited, with the
   * way it matched and never the data it matched on.
   */
  @Transactional
  public Optional<ChildReference.Match> findForReport(String idNumber, String name,
      LocalDate birthDate, String villageCode) {
    Optional<Child> found = Optional.empty();
    ChildReference.MatchedBy by = null;
    String normalised = ResidentIdNumber.normalise(idNumber);
    if (normalised != null && !normalised.isBlank()
        && ResidentIdNumber.problem(normalised).isEmpty()) {
      found = children.findByIdNumber(normalised);
      by = found.isPresent() ? ChildReference.MatchedBy.ID_NUMBER : null;
    }
    String outcome = by == null ? "none" : by.name();
    if (found.isEmpty() && name != null && !name.isBlank() && birthDate != null
        && villageCode != null) {
      List<Child> namesakes =
          children.findByNameAndBirthDateAndVillageCode(name.trim(), birthDate, villageCode);
      if (namesakes.size() == 1) {
        found = Optional.of(namesakes.get(0));
        by = ChildReference.MatchedBy.NAME_BIRTH_DATE_VILLAGE;
        outcome = by.name();
      } else if (namesakes.size() > 1) {
        outcome = "ambiguous";
      }
    }
    audit.record(AuditAction.CHILD_MATCHED, found.map(Child::getId).orElse(null),
        found.map(Child::getVillageCode).orElse(villageCode), "by=" + outcome);
    ChildReference.MatchedBy how = by;
    return found.map(c -> new ChildReference.Match(ChildReference.of(c), how));
  }

  /** The reference of an existing file (no access check, no personal data), or empty. */
  @Transactional(readOnly = true)
  public Optional<ChildReference> reference(long id) {
    return children.findById(id).map(ChildReference::of);
  }

  /** The village of a child, for processes that route work by the child's area. */
  @Transactional(readOnly = true)
  public String villageOf(long id) {
    return children.findById(id).map(Child::getVillageCode)
        .orElseThrow(() -> new NotFoundException("儿童档案不存在"));
  }

  /** The registration review's outcome on the file. */
  @Transactional
  public void changeFileStatus(long id, FileStatus status) {
    Child child = children.findById(id).orElseThrow(() -> new NotFoundException("儿童档案不存在"));
    child.changeFileStatus(status, clock.instant(), CurrentUser.get().id());
    audit.record(AuditAction.CHILD_UPDATED, id, child.getVillageCode(), "fields=fileStatus");
  }

  private Child readable(long id) {
    CurrentUser user = requireRole(READERS);
    Child child = children.findById(id).orElseThrow(() -> new NotFoundException("儿童档案不存在"));
    if (!user.covers(child.getVillageCode())) {
      audit.recordSeparately(AuditAction.CHILD_ACCESS_DENIED, id, child.getVillageCode(),
          "out of area");
      throw new NotFoundException("儿童档案不存在");
    }
    return child;
  }

  private CurrentUser requireRole(Role... roles) {
    CurrentUser user = CurrentUser.get();
    if (!user.hasAnyRole(roles)) {
      throw new ForbiddenException("当前角色无权访问儿童档案");
    }
    return user;
  }

  /** Rules across fields; throws with every problem found. */
  private void validate(ChildData data, List<FieldProblem> found) {
    List<FieldProblem> problems = found == null ? new ArrayList<>() : found;
    LocalDate today = LocalDate.now(clock);
    String idNumber = ResidentIdNumber.normalise(data.idNumber());
    ResidentIdNumber.problem(idNumber).ifPresentOrElse(
        p -> problems.add(new FieldProblem("idNumber", p)),
        () -> {
          if (data.birthDate() != null
              && !ResidentIdNumber.birthDate(idNumber).orElseThrow().equals(data.birthDate())) {
            problems.add(new FieldProblem("birthDate", "与身份证号码中的出生日期不一致"));
          }
          if (data.sex() != null && ResidentIdNumber.sex(idNumber) != data.sex()) {
            problems.add(new FieldProblem("sex", "与身份证号码中的性别不一致"));
          }
        });
    if (data.birthDate() != null && !data.birthDate().isAfter(today.minusYears(MINOR_AGE_LIMIT))) {
      problems.add(new FieldProblem("birthDate", "登记对象应为未满18周岁的未成年人"));
    }
    if (!areas.isVillage(data.villageCode())) {
      problems.add(new FieldProblem("villageCode", "不是已登记的村（社区）行政区划代码"));
    }
    Set<Category> categories = data.categories();
    boolean inDifficulty = categories.contains(Category.IN_DIFFICULTY);
    if (inDifficulty && data.difficultyKind() == null) {
      problems.add(new FieldProblem("difficultyKind", "困境儿童须注明困境类型"));
    }
    if (!inDifficulty && data.difficultyKind() != null) {
      problems.add(new FieldProblem("difficultyKind", "只有困境儿童才填写困境类型"));
    }
    if (categories.contains(Category.LEFT_BEHIND)) {
      if (data.birthDate() != null
          && !data.birthDate().isAfter(today.minusYears(LEFT_BEHIND_AGE_LIMIT))) {
        problems.add(new FieldProblem("categories", "留守儿童应为未满16周岁的儿童"));
      }
      boolean parentAway = data.guardians() != null && data.guardians().stream()
          .anyMatch(g -> g != null && Boolean.TRUE.equals(g.worksAway()));
      if (!parentAway) {
        problems.add(new FieldProblem("guardians", "留守儿童须登记外出务工的父母"));
      }
      if (data.caregiver() == null) {
        problems.add(new FieldProblem("caregiver", "留守儿童须登记委托照护人"));
      }
    }
    if (data.guardians() != null) {
      for (int i = 0; i < data.guardians().size(); i++) {
        ChildData.GuardianData g = data.guardians().get(i);
        if (g == null) {
          continue;
        }
        if (Boolean.TRUE.equals(g.worksAway()) && g.worksAwaySince() == null) {
          problems.add(new FieldProblem("guardians[" + i + "].worksAwaySince", "外出务工须填写外出时间"));
        }
        if (!Boolean.TRUE.equals(g.worksAway())
            && (g.worksAwaySince() != null || g.worksAwayPlace() != null)) {
          problems.add(new FieldProblem("guardians[" + i + "].worksAway", "填写了外出时间或地点，但未标记外出务工"));
        }
      }
    }
    ChildData.CaregiverData c = data.caregiver();
    if (c != null && c.namedOn() != null && c.lastWeeklyContact() != null
        && c.lastWeeklyContact().isBefore(c.namedOn())) {
      problems.add(new FieldProblem("caregiver.lastWeeklyContact", "不能早于委托日期"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  private ChildView view(Child child) {
    return ChildView.of(child, areaName(child.getVillageCode()), LocalDate.now(clock));
  }

  private String areaName(String villageCode) {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    areas.find(villageCode.substring(0, 9)).map(Area::getName).ifPresent(names::add);
    areas.find(villageCode).map(Area::getName).ifPresent(names::add);
    return String.join(" ", names);
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
