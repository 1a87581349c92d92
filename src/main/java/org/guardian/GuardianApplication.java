package org.guardian;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Guardian: the workflow-orchestrated guardianship intervention engine.
 *
 * <p>Each top-level package is a module (see {@code docs/modules}); modules talk through the
 * public types of each other's top-level package and through application events.
 */
@SpringBootApplication
public class GuardianApplication {

  public static void main(String[] args) {
    SpringApplication.run(GuardianApplication.class, args);
  }
}
