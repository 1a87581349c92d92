package org.guardian.people;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * Creates the groups of the routing convention and the people who belong to them, in Camunda's
 * identity service. Idempotent: what exists is left as it is.
 */
@Service
public class PeopleDirectory {

  public static final String GROUP_TYPE_ROLE = "role";
  public static final String GROUP_TYPE_AREA = "area";
  public static final String GROUP_TYPE_ROUTING = "routing";

  private final IdentityService identityService;
  private final Areas areas;

  PeopleDirectory(IdentityService identityService, Areas areas) {
    this.identityService = identityService;
    this.areas = areas;
  }

  /** The role groups, which every installation has. */
  public void ensureRoleGroups() {
    for (Role role : Role.values()) {
      ensureGroup(role.groupId(), role.label(), GROUP_TYPE_ROLE);
    }
  }

  /**
   * Adds a person with a role in an area: member of the role group, the area group and the routing
   * group {@code <role>@<area>}.
   */
  public void ensurePerson(String userId, String displayName, String password, Role role,
      String areaCode) {
    Area area = areas.find(areaCode)
        .orElseThrow(() -> new IllegalArgumentException("unknown area " + areaCode));
    ensureGroup(role.groupId(), role.label(), GROUP_TYPE_ROLE);
    ensureGroup(Routing.areaGroup(areaCode), area.getName(), GROUP_TYPE_AREA);
    ensureGroup(Routing.group(role, areaCode), area.getName() + role.label(), GROUP_TYPE_ROUTING);
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setFirstName(displayName);
      user.setLastName(role.label());
      user.setPassword(password);
      identityService.saveUser(user);
    }
    List<String> groups = new java.util.ArrayList<>(List.of(role.groupId(),
        Routing.areaGroup(areaCode), Routing.group(role, areaCode)));
    if (role == Role.ADMIN) {
      // Camunda's own administrators group: the webapps look for a member of it
      ensureGroup(Groups.CAMUNDA_ADMIN, "Camunda 管理员", Groups.GROUP_TYPE_SYSTEM);
      groups.add(Groups.CAMUNDA_ADMIN);
    }
    for (String groupId : groups) {
      if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
        identityService.createMembership(userId, groupId);
      }
    }
  }

  private void ensureGroup(String id, String name, String type) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(type);
      identityService.saveGroup(group);
    }
  }
}
