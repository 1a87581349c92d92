package org.guardian.common;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.util.ReflectionUtils;

/** Guardian's additions to the engine's command chain, made by the modules' engine plugins. */
public final class EngineInterceptors {

  private EngineInterceptors() {}

  /**
   * Adds an interceptor after the engine's own, inside the command's transaction and command
   * context (call from a plugin's {@code preInit}).
   */
  public static void addAfterEngine(ProcessEngineConfigurationImpl config,
      CommandInterceptor interceptor) {
    List<CommandInterceptor> interceptors =
        copyOf(config.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(interceptor);
    config.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  /**
   * Adds an interceptor first of all, before the engine's own and before the command's transaction
   * is opened (call from a plugin's {@code preInit}).
   */
  public static void addFirst(ProcessEngineConfigurationImpl config,
      CommandInterceptor interceptor) {
    List<CommandInterceptor> interceptors =
        copyOf(config.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(0, interceptor);
    config.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  /** A plugin that adds at {@code preInit} the interceptor made from the engine's configuration. */
  public static ProcessEnginePlugin pluginAddingAfterEngine(
      Function<ProcessEngineConfigurationImpl, CommandInterceptor> interceptor) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl config) {
        addAfterEngine(config, interceptor.apply(config));
      }
    };
  }

  /**
   * A field of an engine object that an interceptor reads and the engine offers no getter for
   * (a command's arguments), by name, declared on its class or a superclass.
   */
  public static Object commandField(Object target, String name) {
    Field f = ReflectionUtils.findField(target.getClass(), name);
    if (f == null) {
      throw new IllegalStateException("no field " + name + " on " + target.getClass());
    }
    ReflectionUtils.makeAccessible(f);
    return ReflectionUtils.getField(f, target);
  }

  private static List<CommandInterceptor> copyOf(List<CommandInterceptor> interceptors) {
    return interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
  }
}
