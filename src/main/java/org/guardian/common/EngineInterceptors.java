package org.guardian.common;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
}
