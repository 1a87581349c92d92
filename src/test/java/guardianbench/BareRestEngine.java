package guardianbench;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.guardian.bench.BareEngine;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The bench's limit behind the same front door as Guardian: a bare Camunda 7 engine in Spring Boot
 * with the engine REST API ({@code camunda-bpm-spring-boot-starter-rest}, Jersey, Jackson, the
 * same Tomcat), Guardian's BPMN, DMN and forms with every delegate a no-op, history full, job
 * executor on; no authentication, no authorization checks, no Guardian code. Started by the bench
 * as a JVM of its own, configured by command-line arguments only ({@code spring.config.name} is
 * set so that Guardian's application.yaml on the classpath is not read).
 *
 * <p>Outside {@code org.guardian} on purpose: Guardian's component scan (in the tests too) must not
 * find this application and its auto-configuration exclusions.
 */
@SpringBootApplication(exclude = {SecurityAutoConfiguration.class,
    SecurityFilterAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
    ManagementWebSecurityAutoConfiguration.class, FlywayAutoConfiguration.class})
public class BareRestEngine {

  public static void main(String[] args) {
    System.setProperty("spring.config.name", "bench-bare-rest-engine");
    SpringApplication.run(BareRestEngine.class, args);
  }

  @Bean
  BareEngine.Noop benchNoop() {
    return new BareEngine.Noop();
  }

  /** Guardian's engine settings that are not Guardian's own work ({@link BareEngine}). */
  @Bean
  ProcessEnginePlugin engineAtScale() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        BareEngine.engineAtScale(configuration);
      }
    };
  }

  /** Deploys the models before the application reports ready. */
  @Bean
  ApplicationRunner deployGuardiansModels(RepositoryService repository) {
    return args -> BareEngine.deploy(repository);
  }
}
