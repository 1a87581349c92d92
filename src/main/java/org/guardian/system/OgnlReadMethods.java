package org.guardian.system;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.JobQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;

/**
 * OGNL's look-up of a property that has no {@code getX()}/{@code isX()} getter, kept per class and
 * name instead of repeated on every evaluation.
 *
 * <p>The engine's SQL is MyBatis dynamic SQL, whose conditions are OGNL. For a property like
 * {@code query.isOrQueryActive} or {@code query.isWithoutTenantId} (the task query's, once per
 * query: the method is {@code isOrQueryActive()}, not a getter of a property of that name) OGNL
 * finds no getter, a look-up it caches, and then searches every public method of the class by
 * name, ignoring case, which it does not cache: {@code Class.getMethods()} copied and some 500
 * names of {@code TaskQueryImpl} lower-cased, 23 µs a time. That took 22 of a Guardian node's
 * 438 CPU samples in a profile of {@code bench/run} (docs/benchmarks.md, item 35), all of them in
 * the task-list query.
 *
 * <p>This accessor takes OGNL's place for plain objects ({@code Object.class}; maps, lists and
 * MyBatis's own context keep theirs) and differs from OGNL's {@link ObjectPropertyAccessor} only
 * in that it keeps what {@link OgnlRuntime#getReadMethod(Class, String, Class[])} answered for a
 * class and name (a method or none: classes do not change while the engine runs). What follows is
 * OGNL's own path: a method the member access refuses, or none, falls back to the field; the
 * method is invoked by OGNL with no arguments; errors are wrapped as OGNL wraps them.
 */
final class OgnlReadMethods extends ObjectPropertyAccessor {

  private final ConcurrentMap<Class<?>, ConcurrentMap<String, Optional<Method>>> found =
      new ConcurrentHashMap<>();
  private final LongAdder searched = new LongAdder();

  /**
   * The engine's parameter classes whose properties its statements read without a getter (a
   * survey of the engine's mappings). OGNL keeps the accessor it found for a class, so these are
   * named as well: one found for them before {@link #install} (another engine in the same JVM,
   * in tests) is replaced.
   */
  static final List<Class<?>> READ_WITHOUT_GETTERS = List.of(TaskQueryImpl.class,
      ProcessInstanceQueryImpl.class, HistoricProcessInstanceQueryImpl.class, JobQueryImpl.class,
      AuthorizationCheck.class);

  /** Puts the accessor in OGNL's place for plain objects (OGNL's registry is one per JVM). */
  static OgnlReadMethods install() {
    OgnlReadMethods accessor = new OgnlReadMethods();
    OgnlRuntime.setPropertyAccessor(Object.class, accessor);
    for (Class<?> type : READ_WITHOUT_GETTERS) {
      OgnlRuntime.setPropertyAccessor(type, accessor);
    }
    return accessor;
  }

  @Override
  public Object getPossibleProperty(OgnlContext context, Object target, String name)
      throws OgnlException {
    if (target == null || OgnlRuntime.getGetMethod(target.getClass(), name) != null) {
      return super.getPossibleProperty(context, target, name);
    }
    Method method = readMethod(target.getClass(), name);
    try {
      if (method != null && context.getMemberAccess().isAccessible(context, target, method, name)) {
        return OgnlRuntime.invokeMethod(target, method, OgnlRuntime.NoArguments);
      }
      return OgnlRuntime.getFieldValue(context, target, name, true);
    } catch (InvocationTargetException e) {
      throw new OgnlException(name, e.getTargetException());
    } catch (Exception e) {
      throw new OgnlException(name, e);
    }
  }

  /** OGNL's answer for a class and name, searched once. */
  Method readMethod(Class<?> type, String name) {
    return found.computeIfAbsent(type, t -> new ConcurrentHashMap<>())
        .computeIfAbsent(name, n -> {
          searched.increment();
          return Optional.ofNullable(OgnlRuntime.getReadMethod(type, n, null));
        })
        .orElse(null);
  }

  /** Whether OGNL has searched {@code type} for {@code name} through this accessor. */
  boolean searched(Class<?> type, String name) {
    ConcurrentMap<String, Optional<Method>> names = found.get(type);
    return names != null && names.containsKey(name);
  }

  /** How many class-and-name searches OGNL has made through this accessor. */
  long searches() {
    return searched.sum();
  }
}
