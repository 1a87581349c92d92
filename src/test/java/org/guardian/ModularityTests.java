package org.guardian;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules (top-level packages) talk only through each other's public top-level types and
 * events, without cycles; the module documentation in {@code docs/modules} is written from the
 * code on every build.
 */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(GuardianApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeDocumentation()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }
}
