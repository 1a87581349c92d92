package org.guardian.people;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
    Map<String, GroupOf> roles = new LinkedHashMap<>();
    for (Role role : Role.values()) {
      roles.put(role.groupId(), new GroupOf(role.label(), GROUP_TYPE_ROLE));
    }
    addMissing(roles);
  }

  /** A person of the directory: sign-in id, display name, role and area. */
  public record Person(String userId, String displayName, Role role, String areaCode) {}

  /** A group to have: its name and type, should it have to be added. */
  private record GroupOf(String name, String type) {}

  /**
   * Adds people with a role in an area, each a member of the role group, the area group and the
   * routing group {@code <role>@<area>} (and an administrator of Camunda's {@code camunda-admin}):
   * each person, group and membership is added where missing; a person who exists keeps their name
   * and password (a person listed twice is added as first listed, with the groups of both). The
   * look-ups are one query for the groups, one for the people and one per existing person for their
   * groups, rather than about eight per person (the demo county's hundred people were checked at
   * every start-up in 0.8 s: docs/benchmarks.md item 48).
   *
   * @return the number of people added
   */
  public int ensurePeople(List<Person> people, String password) {
    if (people.isEmpty()) {
      return 0;
    }
    Map<String, GroupOf> groups = new LinkedHashMap<>();
    Map<String, Person> byId = new LinkedHashMap<>();
    Map<String, Set<String>> membershipsOf = new LinkedHashMap<>();
    for (Person p : people) {
      Area area = areas.find(p.areaCode())
          .orElseThrow(() -> new IllegalArgumentException("unknown area " + p.areaCode()));
      byId.putIfAbsent(p.userId(), p);
      Set<String> memberOf = membershipsOf.computeIfAbsent(p.userId(),
          id -> new LinkedHashSet<>());
      groups.putIfAbsent(p.role().groupId(), new GroupOf(p.role().label(), GROUP_TYPE_ROLE));
      memberOf.add(p.role().groupId());
      String areaGroup = Routing.areaGroup(p.areaCode());
      groups.putIfAbsent(areaGroup, new GroupOf(area.getName(), GROUP_TYPE_AREA));
      memberOf.add(areaGroup);
      String routing = Routing.group(p.role(), p.areaCode());
      groups.putIfAbsent(routing,
          new GroupOf(area.getName() + p.role().label(), GROUP_TYPE_ROUTING));
      memberOf.add(routing);
      if (p.role() == Role.ADMIN) {
        // Camunda's own administrators group: the webapps look for a member of it
        groups.putIfAbsent(Groups.CAMUNDA_ADMIN,
            new GroupOf("Camunda 管理员", Groups.GROUP_TYPE_SYSTEM));
        memberOf.add(Groups.CAMUNDA_ADMIN);
      }
    }
    addMissing(groups);
    Set<String> existingPeople = identityService.createUserQuery()
        .userIdIn(byId.keySet().toArray(String[]::new)).list().stream()
        .map(User::getId).collect(Collectors.toSet());
    int added = 0;
    for (Person p : byId.values()) {
      if (existingPeople.contains(p.userId())) {
        continue;
      }
      User user = identityService.newUser(p.userId());
      user.setFirstName(p.displayName());
      user.setLastName(p.role().label());
      user.setPassword(password);
      identityService.saveUser(user);
      added++;
    }
    membershipsOf.forEach((userId, memberOf) -> {
      Set<String> current = existingPeople.contains(userId)
          ? identityService.createGroupQuery().groupMember(userId).list().stream()
              .map(Group::getId).collect(Collectors.toSet())
          : Set.of();
      for (String groupId : memberOf) {
        if (!current.contains(groupId)) {
          identityService.createMembership(userId, groupId);
        }
      }
    });
    return added;
  }

  /** Adds the groups that do not exist yet (one query to find them); others are left as they are. */
  private void addMissing(Map<String, GroupOf> groups) {
    Set<String> existing = identityService.createGroupQuery()
        .groupIdIn(groups.keySet().toArray(String[]::new)).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
    groups.forEach((id, g) -> {
      if (!existing.contains(id)) {
        Group group = identityService.newGroup(id);
        group.setName(g.name());
        group.setType(g.type());
        identityService.saveGroup(group);
      }
    });
  }
}
