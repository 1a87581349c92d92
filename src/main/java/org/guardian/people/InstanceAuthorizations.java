package org.guardian.people;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Area-bound read access to process instances for the people who follow a township's cases in
 * Cockpit without working its tasks: the township's supervisors ({@code supervisor@<township>}).
 * Camunda's authorizations name resources, not attributes, so each instance gets its own grant when
 * it starts, from its {@code townshipCode} variable (set from the child's file, {@link Routing});
 * county-level readers keep their grant on every instance ({@link EngineAuthorizations}). An
 * instance started without a township (a report about an unknown child) is visible to the county
 * only. The grant is written by the engine's own authorization manager without authorization
 * checks, so it needs no permission of the person whose action started the instance (found by
 * {@code AssistanceProcessTest}: a station chief completing the case plan in Tasklist starts one
 * referral per department). The engine deletes a process instance's authorizations when the
 * instance ends ({@code InstanceAuthorizationsTest}), so ended cases leave no grants behind.
 */
public final class InstanceAuthorizations {

  /** Roles that read their township's process instances (and nothing beyond). */
  static final List<Role> TOWNSHIP_READERS = List.of(Role.SUPERVISOR);

  private InstanceAuthorizations() {}

  /** The parse listener that adds the grant to the start of every process. */
  public static BpmnParseListener parseListener() {
    ExecutionListener grant = execution -> {
      if (!execution.getId().equals(execution.getProcessInstanceId())) {
        return;
      }
      if (execution.getVariable("townshipCode") instanceof String township
          && !township.isBlank()) {
        for (Role role : TOWNSHIP_READERS) {
          AuthorizationEntity a = new AuthorizationEntity(AUTH_TYPE_GRANT);
          a.setGroupId(Routing.group(role, township));
          a.setResource(Resources.PROCESS_INSTANCE);
          a.setResourceId(execution.getProcessInstanceId());
          a.addPermission(ProcessInstancePermissions.READ);
          CommandContext context = Context.getCommandContext();
          // the person whose action started the instance (e.g. completing a task that calls a
          // sub-process) holds no CREATE permission on authorizations: written by the engine
          context.runWithoutAuthorization(() -> {
            context.getAuthorizationManager().insert(a);
            return null;
          });
        }
      }
    };
    return new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
        definition.addBuiltInListener(ExecutionListener.EVENTNAME_START, grant);
      }
    };
  }
}
