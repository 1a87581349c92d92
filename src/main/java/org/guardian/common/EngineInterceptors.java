package org.guardian.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/** Guardian's additions to the engine's command chain, made by the modules' engine plugins. */
public final class EngineInterceptors {

  private EngineInterceptors() {}

  /**
   * Adds an interceptor after the engine's own, inside the command's transaction and command
   * context (call from a plugin's {@code preInit}).
   */
  public static void addAfterEngine(ProcessEngineConfigurationImpl config,
      CommandInterceptor interceptor) {
    List<CommandInterceptor> interceptors = config.getCustomPostCommandInterceptorsTxRequired()
        == null ? new ArrayList<>()
        : new ArrayList<>(config.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(interceptor);
    config.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  /**
   * Adds an interceptor first of all, before the engine's own and before the command's transaction
   * is opened (call from a plugin's {@code preInit}).
   */
  public static void addFirst(ProcessEngineConfigurationImpl config,
      CommandInterceptor interceptor) {
    List<CommandInterceptor> interceptors = config.getCustomPreCommandInterceptorsTxRequired()
        == null ? new ArrayList<>()
        : new ArrayList<>(config.getCustomPreCommandInterceptorsTxRequired());
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
}
