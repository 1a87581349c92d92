package org.guardian.people;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Camunda authorization checks are on ({@code camunda.bpm.authorization.enabled}); this grants each
 * role group what its work needs in Tasklist, Cockpit and the engine REST API. Tasks themselves are
 * granted by the engine to their candidate groups ({@code <role>@<area>}), so a caseworker sees only
 * the tasks of their own area. The {@code admin} group is an engine admin group and is granted
 * everything.
 * Runs at start-up, before the web server takes requests; adds only what is missing.
 */
@Component
class EngineAuthorizations implements SmartInitializingSingleton {

  private static final Set<Role> CASEWORKERS = EnumSet.of(Role.CHILD_DIRECTOR,
      Role.CHILD_SUPERVISOR, Role.STATION_CHIEF, Role.LEGAL_OFFICER, Role.COUNTY_CENTRE,
      Role.SUPERVISOR, Role.EXPERT, Role.SOCIAL_ORGANISATION);
  private static final Set<Role> COCKPIT_READERS = EnumSet.of(Role.COUNTY_CENTRE, Role.SUPERVISOR);

  private final AuthorizationService authorizations;
  private final PeopleDirectory directory;

  EngineAuthorizations(AuthorizationService authorizations, PeopleDirectory directory) {
    this.authorizations = authorizations;
    this.directory = directory;
  }

  @Override
  public void afterSingletonsInstantiated() {
    directory.ensureRoleGroups();
    for (Role role : CASEWORKERS) {
      String g = role.groupId();
      grant(g, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // READ on Tasklist's filters: per filter and role, by org.guardian.supervision.TasklistFilters
      grant(g, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    }
    for (Role role : COCKPIT_READERS) {
      String g = role.groupId();
      grant(g, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(g, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_TASK);
      grant(g, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
      grant(g, Resources.TASK, ANY, Permissions.READ);
      grant(g, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
      grant(g, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
      grant(g, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }
    // Engine admin groups bypass checks inside the engine, but the webapps ask the authorization
    // service which applications a person may open: grant administrators everything explicitly.
    for (String admins : List.of(Role.ADMIN.groupId(), Groups.CAMUNDA_ADMIN)) {
      for (Resource resource : Resources.values()) {
        grant(admins, resource, ANY, Permissions.ALL);
      }
    }
    String policy = Role.POLICY_TEAM.groupId();
    grant(policy, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(policy, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    grant(policy, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grant(policy, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(policy, Resources.DEPLOYMENT, ANY, Permissions.READ, Permissions.CREATE,
        Permissions.DELETE);
    // the policy team follows its migrations (Camunda batches) in Cockpit's batch view
    grant(policy, Resources.BATCH, ANY, Permissions.READ, Permissions.READ_HISTORY);
  }

  private void grant(String groupId, Resource resource, String resourceId,
      Permission... permissions) {
    List<Authorization> existing = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource)
        .resourceId(resourceId).list();
    Authorization auth = existing.isEmpty()
        ? newGrant(groupId, resource, resourceId)
        : existing.get(0);
    boolean missing = existing.isEmpty();
    for (Permission p : permissions) {
      if (!auth.isPermissionGranted(p)) {
        auth.addPermission(p);
        missing = true;
      }
    }
    if (missing) {
      authorizations.saveAuthorization(auth);
    }
  }

  private Authorization newGrant(String groupId, Resource resource, String resourceId) {
    Authorization auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    auth.setGroupId(groupId);
    auth.setResource(resource);
    auth.setResourceId(resourceId);
    return auth;
  }
}
