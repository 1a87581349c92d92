package org.guardian.policy;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.model.dmn.DmnModelInstance;

/**
 * What is already deployed in the engine, as far as the {@link ModelValidator} needs to know: the
 * latest version of a form, a process or a decision. {@link #NONE} when validating offline (the
 * build), the engine otherwise.
 */
public interface DeployedModels {

  /** The field keys of the latest deployed Camunda Form with this id, if there is one. */
  Optional<List<String>> formFields(String formKey);

  /** True when a process with this key is deployed. */
  boolean processExists(String processKey);

  /** The DMN model holding the latest deployed version of this decision, if there is one. */
  Optional<DmnModelInstance> latestDecision(String decisionKey);

  /** Nothing deployed: an upload must be complete in itself. */
  DeployedModels NONE = new DeployedModels() {
    @Override
    public Optional<List<String>> formFields(String formKey) {
      return Optional.empty();
    }

    @Override
    public boolean processExists(String processKey) {
      return false;
    }

    @Override
    public Optional<DmnModelInstance> latestDecision(String decisionKey) {
      return Optional.empty();
    }
  };
}
