package org.guardian.people;

import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.guardian.common.EngineInterceptors;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Identity changes made through the engine reach the kept sign-ins ({@link IdentityChanges}). */
@Configuration
class PeopleEngineConfiguration {

  @Bean
  ProcessEnginePlugin identityChangesForgetSignIns(ApplicationContext context) {
    return EngineInterceptors.pluginAddingAfterEngine(config -> new IdentityChanges(
        () -> context.getBean(CamundaIdentityAuthenticationProvider.class)));
  }
}
