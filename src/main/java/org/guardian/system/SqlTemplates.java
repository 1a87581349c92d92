package org.guardian.system;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.reflection.property.PropertyTokenizer;
import org.apache.ibatis.session.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL of one of the engine's dynamic MyBatis statements, built once per <em>shape</em> of its
 * parameter object rather than at every execution ({@link AuthorizationCheckSql}, {@link
 * TaskQuerySql}).
 *
 * <p>A shape is everything of the parameter that the statement's dynamic SQL tests or inlines (the
 * caller's shape function; {@code null}: this parameter is not to be templated). The values that
 * are only bound as JDBC parameters stay out of it. The first parameter of a shape is built by
 * MyBatis as always and kept as a template; later ones of that shape take the template's text and
 * bind their own values: the parameter object itself, and each of MyBatis's additional parameters
 * (foreach items, {@code bind} variables) that a {@code #{}} refers to taken from the same place of
 * the new parameter. A template is only kept if each such item was found at exactly one place of
 * the first parameter (the caller's places function). The first {@link #VERIFIED_USES} uses of
 * every template are also built the old way and compared, text and every parameter value; a
 * difference drops the template for good (and is logged), and the SQL built the old way is the one
 * run.
 */
final class SqlTemplates<T> {

  private static final Logger log = LoggerFactory.getLogger(SqlTemplates.class);

  /** The uses of a template that are checked against MyBatis's own build. */
  static final int VERIFIED_USES = 3;

  /** Where each object of a parameter (by identity) sits: a way to find it in another one. */
  interface Places<T> {
    Map<Object, List<Function<T, Object>>> of(T parameter);
  }

  private final String name;
  private final int maxShapes;
  private final Function<T, List<Object>> shapes;
  private final Places<T> places;
  private final ConcurrentMap<List<Object>, Template<T>> templates = new ConcurrentHashMap<>();
  private final AtomicInteger built = new AtomicInteger();
  private final AtomicInteger reused = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();

  SqlTemplates(String name, int maxShapes, Function<T, List<Object>> shapes, Places<T> places) {
    this.name = name;
    this.maxShapes = maxShapes;
    this.shapes = shapes;
    this.places = places;
  }

  /** The parameter's SQL: from its shape's template if there is one, else built by MyBatis. */
  BoundSql boundSql(MappedStatement statement, T parameter) {
    List<Object> shape = shapes.apply(parameter);
    if (shape == null) {
      return build(statement, parameter);
    }
    Template<T> template = templates.get(shape);
    if (template == null) {
      BoundSql fresh = build(statement, parameter);
      if (templates.size() < maxShapes) {
        templates.putIfAbsent(shape, Template.of(fresh, places.of(parameter)));
      }
      return fresh;
    }
    if (template == Template.NONE) {
      return build(statement, parameter);
    }
    BoundSql bound = template.bind(statement.getConfiguration(), parameter);
    if (template.unverified.get() > 0 && template.unverified.getAndDecrement() > 0) {
      BoundSql fresh = build(statement, parameter);
      String difference = difference(statement.getConfiguration(), fresh, bound);
      if (difference != null) {
        templates.put(shape, noTemplate());
        dropped.incrementAndGet();
        // the shape's hash, not the shape: a task query's shape holds values of its search
        log.warn("{} SQL of the shape with hash {} not reused: {}", name, shape.hashCode(),
            difference);
        return fresh;
      }
    }
    reused.incrementAndGet();
    return bound;
  }

  private BoundSql build(MappedStatement statement, T parameter) {
    built.incrementAndGet();
    return statement.getBoundSql(parameter);
  }

  @SuppressWarnings("unchecked")
  private Template<T> noTemplate() {
    return (Template<T>) Template.NONE;
  }

  /** Executions whose SQL MyBatis built, and executions that took a template's. */
  int built() {
    return built.get();
  }

  int reused() {
    return reused.get();
  }

  /** Templates dropped because they differed from MyBatis's own build. */
  int dropped() {
    return dropped.get();
  }

  /** Null if both have the same text and every parameter the same value, else what differs. */
  static String difference(Configuration configuration, BoundSql expected, BoundSql actual) {
    if (!expected.getSql().equals(actual.getSql())) {
      return "text";
    }
    List<ParameterMapping> e = expected.getParameterMappings();
    List<ParameterMapping> a = actual.getParameterMappings();
    if (e.size() != a.size()) {
      return "number of parameters";
    }
    for (int i = 0; i < e.size(); i++) {
      if (!e.get(i).getProperty().equals(a.get(i).getProperty())
          || e.get(i).getJdbcType() != a.get(i).getJdbcType()
          || !Objects.equals(e.get(i).getJavaType(), a.get(i).getJavaType())) {
        return "parameter " + (i + 1);
      }
      if (!Objects.equals(value(configuration, expected, e.get(i)),
          value(configuration, actual, a.get(i)))) {
        return "value of parameter " + (i + 1);
      }
    }
    return null;
  }

  /** A parameter's value as MyBatis's {@code DefaultParameterHandler} takes it. */
  static Object value(Configuration configuration, BoundSql sql, ParameterMapping parameter) {
    String property = parameter.getProperty();
    if (sql.hasAdditionalParameter(property)) {
      return sql.getAdditionalParameter(property);
    }
    Object object = sql.getParameterObject();
    return object == null ? null : configuration.newMetaObject(object).getValue(property);
  }

  /** Adds {@code value} (if any) at {@code place} to a places map. */
  static <T> void add(Map<Object, List<Function<T, Object>>> places, Object value,
      Function<T, Object> place) {
    if (value != null) {
      places.computeIfAbsent(value, v -> new ArrayList<>()).add(place);
    }
  }

  /** A new places map (by identity). */
  static <T> Map<Object, List<Function<T, Object>>> places() {
    return new IdentityHashMap<>();
  }

  /**
   * MyBatis's text and parameter list for one shape, and where in a parameter each of its
   * additional parameters (bound under generated names such as {@code __frch_permCheck_3}) comes
   * from.
   */
  private static final class Template<T> {
    static final Template<Object> NONE = new Template<>(null, null, null);

    final String sql;
    final List<ParameterMapping> parameters;
    final Map<String, Function<T, Object>> items;
    final AtomicInteger unverified = new AtomicInteger(VERIFIED_USES);

    private Template(String sql, List<ParameterMapping> parameters,
        Map<String, Function<T, Object>> items) {
      this.sql = sql;
      this.parameters = parameters;
      this.items = items;
    }

    @SuppressWarnings("unchecked")
    static <T> Template<T> of(BoundSql fresh, Map<Object, List<Function<T, Object>>> places) {
      Map<String, Function<T, Object>> items = new LinkedHashMap<>();
      for (ParameterMapping p : fresh.getParameterMappings()) {
        String root = new PropertyTokenizer(p.getProperty()).getName();
        if (!fresh.hasAdditionalParameter(root) || items.containsKey(root)) {
          continue;
        }
        Object value = fresh.getAdditionalParameters().get(root);
        List<Function<T, Object>> found = value == null ? null : places.get(value);
        if (found == null || found.size() != 1) {
          return (Template<T>) NONE; // not found at exactly one place: no template for this shape
        }
        items.put(root, found.get(0));
      }
      return new Template<>(fresh.getSql(), List.copyOf(fresh.getParameterMappings()), items);
    }

    BoundSql bind(Configuration configuration, T parameter) {
      BoundSql bound = new BoundSql(configuration, sql, parameters, parameter);
      items.forEach((name, place) -> bound.setAdditionalParameter(name, place.apply(parameter)));
      return bound;
    }
  }
}
