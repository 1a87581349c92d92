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
import org.springframework.beans.factory.annotation.Value;
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
  private final Areas areas;
  private final String countyCode;

  EngineAuthorizations(AuthorizationService authorizations, PeopleDirectory directory,
      Areas areas, @Value("${guardian.county-code:371330}") String countyCode) {
    this.authorizations = authorizations;
    this.directory = directory;
    this.areas = areas;
    this.countyCode = countyCode;
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
      // every supervisor and centre may open Cockpit and read the models ...
      String g = role.groupId();
      grant(g, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(g, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
      grant(g, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
      grant(g, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
      grant(g, Resources.DEPLOYMENT, ANY, Permissions.READ);
      // ... but the cases of the whole county are for the county's people only: a township's
      // supervisor reads the instances of the township (InstanceAuthorizations). Earlier versions
      // granted them to the role group (every township): withdrawn here.
      revoke(g, Resources.PROCESS_INSTANCE, ProcessInstancePermissions.READ);
      revoke(g, Resources.TASK, Permissions.READ);
      revoke(g, Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
      revoke(g, Resources.DECISION_DEFINITION, Permissions.READ_HISTORY);
    }
    for (String county : counties()) {
      for (Role role : COCKPIT_READERS) {
        countyWide(Routing.group(role, county));
      }
    }
    String policyGroup = Role.POLICY_TEAM.groupId();
    grantPolicyTeam(policyGroup);
    // Engine admin groups bypass checks inside the engine, but the webapps ask the authorization
    // service which applications a person may open: grant administrators everything explicitly.
    for (String admins : List.of(Role.ADMIN.groupId(), Groups.CAMUNDA_ADMIN)) {
      for (Resource resource : Resources.values()) {
        grant(admins, resource, ANY, Permissions.ALL);
      }
    }
  }

  /** The county's centre and supervisors: every instance, task and decision of the county. */
  private void countyWide(String g) {
    grant(g, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK);
    grant(g, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
    grant(g, Resources.TASK, ANY, Permissions.READ);
    grant(g, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(g, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(g, Resources.DEPLOYMENT, ANY, Permissions.READ);
  }

  private void grantPolicyTeam(String policy) {
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

  /** Withdraws permissions from a group's grant on every resource of a type, if it has them. */
  private void revoke(String groupId, Resource resource, Permission... permissions) {
    for (Authorization auth : authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource)
        .resourceId(ANY).list()) {
      boolean changed = false;
      for (Permission p : permissions) {
        if (auth.isPermissionGranted(p)) {
          auth.removePermission(p);
          changed = true;
        }
      }
      if (changed) {
        authorizations.saveAuthorization(auth);
      }
    }
  }

  /** The counties: the configured one and any in the area tree. */
  private Set<String> counties() {
    Set<String> codes = new java.util.TreeSet<>();
    codes.add(countyCode);
    areas.all(AreaLevel.COUNTY).forEach(a -> codes.add(a.getCode()));
    return codes;
  }

  private Authorization newGrant(String groupId, Resource resource, String resourceId) {
    Authorization auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    auth.setGroupId(groupId);
    auth.setResource(resource);
    auth.setResourceId(resourceId);
    return auth;
  }
}
