package org.guardian.policy;

import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.guardian.audit.AuditLog;
import org.guardian.common.EngineInterceptors;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine checks every deployment made by a signed-in person (Camunda Modeler against {@code
 * /engine-rest}) with the same {@link ModelValidator} as {@code /api/policy/deployments}.
 */
@Configuration
class PolicyEngineConfiguration {

  @Bean
  ProcessEnginePlugin policyDeploymentValidation(ApplicationContext context) {
    return EngineInterceptors.pluginAddingAfterEngine(config -> new ModelerDeploymentGuard(
        () -> new ModelValidator(new EngineDeployedModels(() -> config), context::containsBean),
        () -> context.getBean(AuditLog.class)));
  }
}
