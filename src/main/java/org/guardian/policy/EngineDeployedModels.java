package org.guardian.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;

/**
 * What the engine has deployed, read without authorization checks (the validator must see every
 * deployed version, whoever deploys), inside the running command when there is one (Modeler's
 * deployment through {@code /engine-rest}) or in a command of its own.
 */
final class EngineDeployedModels implements DeployedModels {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Supplier<ProcessEngineConfigurationImpl> configuration;

  EngineDeployedModels(Supplier<ProcessEngineConfigurationImpl> configuration) {
    this.configuration = configuration;
  }

  private <T> T query(Function<CommandContext, T> read) {
    CommandContext current = Context.getCommandContext();
    if (current != null) {
      return current.runWithoutAuthorization(() -> read.apply(current));
    }
    return configuration.get().getCommandExecutorTxRequired()
        .execute(context -> context.runWithoutAuthorization(() -> read.apply(context)));
  }

  @Override
  public Optional<List<String>> formFields(String formKey) {
    return query(context -> {
      CamundaFormDefinitionEntity form =
          context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formKey);
      if (form == null) {
        return Optional.<List<String>>empty();
      }
      ResourceEntity resource = context.getResourceManager().findResourceByDeploymentIdAndResourceName(
          form.getDeploymentId(), form.getResourceName());
      List<String> keys = new ArrayList<>();
      if (resource != null) {
        try {
          collect(JSON.readTree(resource.getBytes()).path("components"), keys);
        } catch (IOException e) {
          // a deployed form that cannot be read still exists
        }
      }
      return Optional.of(List.copyOf(keys));
    });
  }

  private static void collect(JsonNode components, List<String> keys) {
    for (JsonNode c : components) {
      if (c.hasNonNull("key")) {
        keys.add(c.get("key").asText());
      }
      if (c.has("components")) {
        collect(c.get("components"), keys);
      }
    }
  }

  @Override
  public boolean processExists(String processKey) {
    return query(context -> context.getProcessDefinitionManager()
        .findLatestProcessDefinitionByKey(processKey) != null);
  }

  @Override
  public Optional<DmnModelInstance> latestDecision(String decisionKey) {
    return query(context -> {
      DecisionDefinitionEntity decision = context.getDecisionDefinitionManager()
          .findLatestDecisionDefinitionByKey(decisionKey);
      if (decision == null) {
        return Optional.<DmnModelInstance>empty();
      }
      ResourceEntity resource = context.getResourceManager()
          .findResourceByDeploymentIdAndResourceName(decision.getDeploymentId(),
              decision.getResourceName());
      return resource == null ? Optional.<DmnModelInstance>empty()
          : Optional.of(Dmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes())));
    });
  }
}
