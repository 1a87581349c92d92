package org.guardian;

import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The engine's statements (its MyBatis mapped statements, by name without their namespace) run on
 * the calling thread while a piece of work runs: for tests that a path asks the database what it
 * must and nothing more. Installed into the engine's MyBatis configuration once; it counts only
 * inside {@link #during}.
 */
@Intercepts({
    @Signature(type = Executor.class, method = "query",
        args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
    @Signature(type = Executor.class, method = "update",
        args = {MappedStatement.class, Object.class})})
public final class EngineStatements implements Interceptor {

  private static final ThreadLocal<Map<String, Integer>> COUNTS = new ThreadLocal<>();

  private EngineStatements() {}

  /** How often each of the engine's statements ran on this thread while {@code work} ran. */
  public static Map<String, Integer> during(ProcessEngineConfigurationImpl engine,
      Runnable work) {
    install(engine.getSqlSessionFactory().getConfiguration());
    Map<String, Integer> counts = new HashMap<>();
    COUNTS.set(counts);
    try {
      work.run();
    } finally {
      COUNTS.remove();
    }
    return counts;
  }

  private static synchronized void install(Configuration mybatis) {
    if (mybatis.getInterceptors().stream().noneMatch(EngineStatements.class::isInstance)) {
      mybatis.addInterceptor(new EngineStatements());
    }
  }

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    Map<String, Integer> counts = COUNTS.get();
    if (counts != null) {
      String id = ((MappedStatement) invocation.getArgs()[0]).getId();
      counts.merge(id.substring(id.lastIndexOf('.') + 1), 1, Integer::sum);
    }
    return invocation.proceed();
  }
}
