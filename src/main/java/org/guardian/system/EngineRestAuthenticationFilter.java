package org.guardian.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Camunda's authentication filter of the engine REST API, with Guardian's engine handed to it.
 * Camunda's filter finds the engine a request addresses through {@code EngineUtil}, which loads
 * the {@code ProcessEngineProvider} service anew on every request: a search of every jar of the
 * class path for {@code META-INF/services/…} (Guardian has about 250), 2.4 % of the node's CPU in
 * {@code bench/run} (docs/benchmarks.md, item 28). Guardian runs one engine; a request for it
 * gets it from the application context, a request for any other name still goes to Camunda's
 * look-up (and its 404).
 */
class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  private final ObjectProvider<ProcessEngine> engines;

  EngineRestAuthenticationFilter(ObjectProvider<ProcessEngine> engines) {
    this.engines = engines;
  }

  @Override
  protected ProcessEngine getAddressedEngine(String engineName) {
    ProcessEngine engine = engines.getIfAvailable();
    return engine != null && engine.getName().equals(engineName) ? engine
        : super.getAddressedEngine(engineName);
  }
}
