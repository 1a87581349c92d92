package org.guardian.registry;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;

/**
 * The change history of a child's file, read from the Envers revisions: for each revision who made
 * it, when, and each field's value before and after.
 */
public class ChildHistory {

  private final EntityManager entityManager;

  ChildHistory(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** One revision of a file. */
  public record Change(long revision, Instant at, String by, String kind,
      List<FieldChange> changes) {}

  /** One field's value before and after a revision. */
  public record FieldChange(String field, String before, String after) {}

  List<Change> of(long childId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = AuditReaderFactory.get(entityManager).createQuery()
        .forRevisionsOfEntity(Child.class, false, true)
        .add(AuditEntity.id().eq(childId))
        .addOrder(AuditEntity.revisionNumber().asc())
        .getResultList();
    List<Change> changes = new ArrayList<>();
    Map<String, String> previous = Map.of();
    for (Object[] row : rows) {
      Child snapshot = (Child) row[0];
      Revision revision = (Revision) row[1];
      RevisionType type = (RevisionType) row[2];
      Map<String, String> current = type == RevisionType.DEL ? Map.of() : flatten(snapshot);
      List<FieldChange> fields = new ArrayList<>();
      for (String field : changedFields(previous, current)) {
        fields.add(new FieldChange(field, previous.get(field), current.get(field)));
      }
      changes.add(new Change(revision.getId(), Instant.ofEpochMilli(revision.getTimestamp()),
          revision.getAuthor(), kind(type), fields));
      previous = current;
    }
    return changes;
  }

  private static String kind(RevisionType type) {
    return switch (type) {
      case ADD -> "CREATED";
      case MOD -> "UPDATED";
      case DEL -> "DELETED";
    };
  }

  /** The fields of a file as text, in a stable order, for comparing two versions. */
  static Map<String, String> flatten(Child c) {
    Map<String, String> m = new LinkedHashMap<>();
    put(m, "name", c.getName());
    put(m, "sex", c.getSex());
    put(m, "birthDate", c.getBirthDate());
    put(m, "idNumber", c.getIdNumber());
    put(m, "address", c.getAddress());
    put(m, "villageCode", c.getVillageCode());
    put(m, "categories", new TreeSet<>(c.getCategories()));
    put(m, "difficultyKind", c.getDifficultyKind());
    put(m, "riskFlags", new TreeSet<>(c.getRiskFlags()));
    put(m, "school", c.getSchool());
    put(m, "fileStatus", c.getFileStatus());
    List<Guardian> guardians = new ArrayList<>(c.getGuardians());
    guardians.sort(Comparator.comparing(Guardian::getId,
        Comparator.nullsLast(Comparator.naturalOrder())));
    for (int i = 0; i < guardians.size(); i++) {
      Guardian g = guardians.get(i);
      String p = "guardians[" + i + "].";
      put(m, p + "name", g.getName());
      put(m, p + "relationship", g.getRelationship());
      put(m, p + "capacity", g.getCapacity());
      put(m, p + "phone", g.getPhone());
      put(m, p + "worksAway", g.isWorksAway());
      put(m, p + "worksAwaySince", g.getWorksAwaySince());
      put(m, p + "worksAwayPlace", g.getWorksAwayPlace());
    }
    EntrustedCaregiver cg = c.getCaregiver();
    if (cg != null) {
      put(m, "caregiver.name", cg.getName());
      put(m, "caregiver.relationship", cg.getRelationship());
      put(m, "caregiver.phone", cg.getPhone());
      put(m, "caregiver.namedOn", cg.getNamedOn());
      put(m, "caregiver.lastWeeklyContact", cg.getLastWeeklyContact());
    }
    Household h = c.getHousehold();
    if (h != null) {
      put(m, "household.size", h.getSize());
      put(m, "household.economicStatus", h.getEconomicStatus());
      put(m, "household.registeredAddress", h.getRegisteredAddress());
      put(m, "household.notes", h.getNotes());
    }
    return m;
  }

  static Set<String> changedFields(Map<String, String> before, Map<String, String> after) {
    Set<String> fields = new LinkedHashSet<>(before.keySet());
    fields.addAll(after.keySet());
    fields.removeIf(f -> Objects.equals(before.get(f), after.get(f)));
    return fields;
  }

  private static void put(Map<String, String> m, String key, Object value) {
    if (value != null) {
      m.put(key, value.toString());
    }
  }
}
