package org.guardian.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.guardian.GuardianTest;
import org.guardian.people.PeopleDirectory.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The directory adds people with their groups and memberships where missing, in a few queries, and
 * leaves what exists as it is: a person's name and password, and every membership they have.
 */
@GuardianTest
class PeopleDirectoryTest {

  private static final String TOWNSHIP = "371330102";
  private static final String VILLAGE = "371330102202";

  @Autowired PeopleDirectory directory;
  @Autowired IdentityService identityService;

  private final String suffix = String.valueOf(System.nanoTime() % 1_000_000);
  private final String legal = "dir-legal-" + suffix;
  private final String director = "dir-director-" + suffix;
  private final String admin = "dir-admin-" + suffix;

  @AfterEach
  void removeThem() {
    for (String id : List.of(legal, director, admin)) {
      identityService.deleteUser(id);
    }
  }

  @Test
  void addsPeopleTheirGroupsAndMembershipsAndLeavesWhatExists() {
    String legalRouting = Routing.group(Role.LEGAL_OFFICER, TOWNSHIP);
    boolean routingExisted = group(legalRouting) != null;
    try {
      int added = directory.ensurePeople(List.of(
          new Person(legal, "石桥镇法务", Role.LEGAL_OFFICER, TOWNSHIP),
          new Person(director, "李家村儿童主任", Role.CHILD_DIRECTOR, VILLAGE),
          new Person(admin, "管理员", Role.ADMIN, "371330")), "first-Pass-1");

      assertThat(added).isEqualTo(3);
      assertThat(groupsOf(legal)).containsExactlyInAnyOrder(Role.LEGAL_OFFICER.groupId(),
          Routing.areaGroup(TOWNSHIP), legalRouting);
      assertThat(groupsOf(director)).containsExactlyInAnyOrder(Role.CHILD_DIRECTOR.groupId(),
          Routing.areaGroup(VILLAGE), Routing.group(Role.CHILD_DIRECTOR, VILLAGE));
      assertThat(groupsOf(admin)).contains(Groups.CAMUNDA_ADMIN, Role.ADMIN.groupId());
      Group routing = group(legalRouting);
      assertThat(routing.getType()).isEqualTo(PeopleDirectory.GROUP_TYPE_ROUTING);
      assertThat(routing.getName()).isEqualTo("石桥镇" + Role.LEGAL_OFFICER.label());
      User user = identityService.createUserQuery().userId(legal).singleResult();
      assertThat(user.getFirstName()).isEqualTo("石桥镇法务");
      assertThat(user.getLastName()).isEqualTo(Role.LEGAL_OFFICER.label());
      assertThat(identityService.checkPassword(legal, "first-Pass-1")).isTrue();

      // a membership lost meanwhile comes back; names and passwords stay as they are
      identityService.deleteMembership(director, Routing.areaGroup(VILLAGE));
      int again = directory.ensurePeople(List.of(
          new Person(legal, "别的名字", Role.LEGAL_OFFICER, TOWNSHIP),
          new Person(director, "李家村儿童主任", Role.CHILD_DIRECTOR, VILLAGE)), "second-Pass-2");

      assertThat(again).isZero();
      assertThat(groupsOf(director)).containsExactlyInAnyOrder(Role.CHILD_DIRECTOR.groupId(),
          Routing.areaGroup(VILLAGE), Routing.group(Role.CHILD_DIRECTOR, VILLAGE));
      assertThat(identityService.createUserQuery().userId(legal).singleResult().getFirstName())
          .isEqualTo("石桥镇法务");
      assertThat(identityService.checkPassword(legal, "first-Pass-1")).isTrue();
      assertThat(identityService.checkPassword(legal, "second-Pass-2")).isFalse();
    } finally {
      if (!routingExisted) {
        identityService.deleteGroup(legalRouting);
      }
    }
  }

  @Test
  void anUnknownAreaAddsNoOne() {
    assertThatThrownBy(() -> directory.ensurePeople(List.of(
        new Person(legal, "石桥镇法务", Role.LEGAL_OFFICER, TOWNSHIP),
        new Person(director, "无此村儿童主任", Role.CHILD_DIRECTOR, "371330102999")), "Pass-1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("371330102999");

    assertThat(identityService.createUserQuery().userIdIn(legal, director).count()).isZero();
  }

  private List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
  }

  private Group group(String id) {
    return identityService.createGroupQuery().groupId(id).singleResult();
  }
}
