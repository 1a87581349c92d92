package org.guardian.system;

import static org.guardian.system.SqlTemplates.add;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.ibatis.mapping.MappedStatement;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.TenantCheck;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;

/**
 * The engine's task queries ({@code selectTaskByQueryCriteria} and its count) with their SQL built
 * once per shape of query rather than at every query ({@link SqlTemplates}).
 *
 * <p>The statement's dynamic SQL has about a hundred {@code if}s over the query's fields, each an
 * OGNL expression read through reflection, and the person's authorization check on top: in a
 * profile of {@code bench/run} building that text took 11 % of Guardian's node's CPU samples and a
 * fifth of the in-process walkers' (docs/benchmarks.md, item 46), for a caseworker's look-up of
 * the task of a case that the database then answers in a tenth of a millisecond.
 *
 * <p>The shape is, conservatively, every field of the query by value (through the class
 * hierarchy, so that a field a later engine adds is in it too), but for:
 * <ul>
 *   <li>the fields in {@link #BOUND_ONLY}, by whether they are set: Task.xml uses each only in
 *       {@code query.x != null} and {@code #{query.x}} (checked against the engine's mapping by
 *       {@code TaskQuerySqlTest});
 *   <li>the authorization check, by {@link AuthorizationCheckSql#shapeOf} (the person and the
 *       groups only bound, their number in the shape);
 *   <li>the ordering, by property, function, direction and relation;
 *   <li>the engine's command objects, validators and the query's caches of candidate groups, which
 *       no SQL reads.
 * </ul>
 * Not templated (built by MyBatis as always): or-queries, queries by variables, by candidate user
 * or involved user (their groups are looked up in the database while the SQL is built), orderings
 * with relation conditions, and any field of a type not known here.
 */
final class TaskQuerySql {

  /** At most this many shapes are kept; any further shape is built by MyBatis every time. */
  static final int MAX_SHAPES = 512;

  /** Fields that the statement only tests for null and binds. */
  static final Set<String> BOUND_ONLY = Set.of("taskId", "processInstanceId",
      "processInstanceBusinessKey", "executionId", "createTime", "createTimeBefore",
      "createTimeAfter", "updatedAfter", "dueDate", "dueBefore", "dueAfter", "followUpDate",
      "followUpBefore", "followUpAfter");

  /** Fields that no SQL of the statement reads, or read only through the others. */
  static final Set<String> UNREAD = Set.of("commandExecutor", "commandContext", "validators",
      "cachedCandidateGroups", "cachedUserGroups");

  private static final List<Field> FIELDS = fields();
  /** A value whose kind is not known here: the query is not templated. */
  private static final Object UNKNOWN = new Object();

  private TaskQuerySql() {}

  /** Templates for the engine's task queries (one set per engine). */
  static SqlTemplates<TaskQueryImpl> templates() {
    return new SqlTemplates<>("task query", MAX_SHAPES, TaskQuerySql::shapeOf,
        TaskQuerySql::placesOf);
  }

  static boolean isTaskQuery(MappedStatement statement) {
    String id = statement.getId();
    return id.endsWith(".selectTaskByQueryCriteria")
        || id.endsWith(".selectTaskCountByQueryCriteria");
  }

  /** The query's shape, or null if it is not to be templated. */
  static List<Object> shapeOf(TaskQueryImpl query) {
    List<TaskQueryImpl> queries = query.getQueries();
    if (queries == null || queries.size() != 1 || queries.get(0) != query
        || !query.getVariables().isEmpty() || query.getCandidateUser() != null
        || query.getInvolvedUser() != null) {
      return null;
    }
    List<Object> shape = new ArrayList<>(FIELDS.size());
    for (Field field : FIELDS) {
      Object value = read(field, query);
      String name = field.getName();
      Object part;
      if (BOUND_ONLY.contains(name)) {
        part = value != null;
      } else if (value instanceof AuthorizationCheck check) {
        part = AuthorizationCheckSql.shapeOf(check);
      } else if (value instanceof TenantCheck tenants) {
        Object ids = copy(tenants.getAuthTenantIds());
        part = ids == UNKNOWN ? UNKNOWN : Arrays.asList(tenants.isTenantCheckEnabled(), ids);
      } else if (name.equals("orderingProperties")) {
        part = orderings(query.getOrderingProperties());
      } else if (name.equals("queries") || name.equals("variables")) {
        continue; // checked above
      } else {
        part = copy(value);
      }
      if (part == UNKNOWN) {
        return null;
      }
      shape.add(part);
    }
    return shape;
  }

  /** A value as part of a shape, or {@link #UNKNOWN}. */
  private static Object copy(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean
        || value instanceof Number || value instanceof Character || value instanceof Enum<?>) {
      return value;
    }
    if (value instanceof Date date) {
      return date.getTime();
    }
    if (value instanceof SuspensionState state) {
      return state.getStateCode();
    }
    if (value instanceof Object[] array) {
      return copyAll(Arrays.asList(array));
    }
    if (value instanceof List<?> list) {
      return copyAll(list);
    }
    if (value instanceof Set<?> set) {
      // a set is iterated in an order of its own: by value, and its items are not located again
      Object items = copyAll(set);
      return items == UNKNOWN ? UNKNOWN : Arrays.asList("set", items);
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copied = new HashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        Object k = copy(e.getKey());
        Object v = copy(e.getValue());
        if (k == UNKNOWN || v == UNKNOWN) {
          return UNKNOWN;
        }
        copied.put(k, v);
      }
      return copied;
    }
    return UNKNOWN;
  }

  private static Object copyAll(Collection<?> values) {
    List<Object> copied = new ArrayList<>(values.size());
    for (Object v : values) {
      Object c = copy(v);
      if (c == UNKNOWN) {
        return UNKNOWN;
      }
      copied.add(c);
    }
    return copied;
  }

  private static Object orderings(List<QueryOrderingProperty> orderings) {
    if (orderings == null) {
      return null;
    }
    List<Object> parts = new ArrayList<>();
    for (QueryOrderingProperty o : orderings) {
      if (o.getRelationConditions() != null && !o.getRelationConditions().isEmpty()) {
        return UNKNOWN;
      }
      parts.add(Arrays.asList(
          o.getQueryProperty() == null ? null : o.getQueryProperty().getName(),
          o.getQueryProperty() == null ? null : o.getQueryProperty().getFunction(),
          o.getDirection() == null ? null : o.getDirection().getName(), o.getRelation()));
    }
    return parts;
  }

  /**
   * The query itself, the value of each of its fields and the items of its arrays and lists (a
   * foreach item of the statement, such as a task kind of {@code taskDefinitionKeyIn}), and the
   * objects of its authorization check.
   */
  static Map<Object, List<Function<TaskQueryImpl, Object>>> placesOf(TaskQueryImpl query) {
    Map<Object, List<Function<TaskQueryImpl, Object>>> places = SqlTemplates.places();
    add(places, query, q -> q);
    for (Field field : FIELDS) {
      if (field.getName().equals("queries") || field.getName().equals("authCheck")) {
        continue; // the query itself; the check below
      }
      Object value = read(field, query);
      add(places, value, q -> read(field, q));
      if (value instanceof Object[] array) {
        for (int i = 0; i < array.length; i++) {
          int at = i;
          add(places, array[i], q -> ((Object[]) read(field, q))[at]);
        }
      } else if (value instanceof List<?> list) {
        for (int i = 0; i < list.size(); i++) {
          int at = i;
          add(places, list.get(i), q -> ((List<?>) read(field, q)).get(at));
        }
      }
    }
    AuthorizationCheck check = query.getAuthCheck();
    if (check != null) {
      AuthorizationCheckSql.placesOf(check).forEach((value, found) -> {
        for (Function<AuthorizationCheck, Object> place : found) {
          add(places, value, q -> place.apply(q.getAuthCheck()));
        }
      });
    }
    return places;
  }

  private static Object read(Field field, TaskQueryImpl query) {
    try {
      return field.get(query);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + field, e);
    }
  }

  /** The query's instance fields, through its class hierarchy, less those {@link #UNREAD}. */
  private static List<Field> fields() {
    List<Field> fields = new ArrayList<>();
    for (Class<?> c = TaskQueryImpl.class; c != null && c != Object.class;
        c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers()) && !UNREAD.contains(f.getName())) {
          f.setAccessible(true);
          fields.add(f);
        }
      }
    }
    return List.copyOf(fields);
  }
}
