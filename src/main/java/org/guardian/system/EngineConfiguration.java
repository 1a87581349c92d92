package org.guardian.system;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.guardian.common.EngineInterceptors;
import org.guardian.people.InstanceAuthorizations;
import org.guardian.people.Role;
import org.guardian.workflow.EngineClock;
import org.guardian.workflow.TaskCompletionRule;
import org.guardian.workflow.TaskCompletionValidation;
import org.guardian.workflow.TaskNaming;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Camunda engine as Guardian needs it. */
@Configuration
class EngineConfiguration {

  /** The clock services share with the engine (see {@link EngineClock}). */
  @Bean
  Clock clock(@Value("${guardian.time-zone:Asia/Shanghai}") String zone) {
    return new EngineClock(ZoneId.of(zone));
  }

  /** Flyway migrates while this node holds the start-up lock (see {@link StartupLock}). */
  @Bean
  FlywayMigrationStrategy migrationUnderStartupLock(StartupLock lock) {
    return flyway -> {
      lock.acquire();
      flyway.migrate();
    };
  }

  /** Indexes and an authorization shortcut for a county's size ({@link EngineAtScale}). */
  @Bean
  ProcessEnginePlugin engineAtScale() {
    return new EngineAtScale();
  }

  /** The engine creates or updates its schema while this node holds the start-up lock. */
  @Bean
  ProcessEnginePlugin startupLockPlugin(StartupLock lock) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl config) {
        lock.acquire();
      }
    };
  }

  /**
   * Members of the {@code admin} role group are engine administrators (authorization checks are on
   * for everybody else), and every user task completion is validated on the server.
   */
  @Bean
  ProcessEnginePlugin guardianEnginePlugin(ObjectProvider<TaskCompletionRule> rules) {
    TaskCompletionValidation validation = new TaskCompletionValidation(rules);
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl config) {
        List<String> adminGroups = config.getAdminGroups() == null
            ? new ArrayList<>() : new ArrayList<>(config.getAdminGroups());
        if (!adminGroups.contains(Role.ADMIN.groupId())) {
          adminGroups.add(Role.ADMIN.groupId());
        }
        config.setAdminGroups(adminGroups);
        List<BpmnParseListener> listeners = config.getCustomPreBPMNParseListeners() == null
            ? new ArrayList<>() : new ArrayList<>(config.getCustomPreBPMNParseListeners());
        listeners.add(validation.parseListener());
        listeners.add(new TaskNaming());
        listeners.add(InstanceAuthorizations.parseListener());
        config.setCustomPreBPMNParseListeners(listeners);
        EngineInterceptors.addAfterEngine(config, validation);
      }
    };
  }
}
