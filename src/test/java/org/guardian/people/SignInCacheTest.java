package org.guardian.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Kept sign-ins: the API's Basic sign-in is checked by the engine once a minute per person, not on
 * every request, and no change of password or group waits for the minute to pass.
 */
@GuardianTest
class SignInCacheTest {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;

  @Test
  void aChangedPasswordOrADeletedAccountAppliesAtOnce() {
    String id = newCentreUser("first-Pass-1");
    try {
      // signed in, and the sign-in kept
      assertThat(Api.as(rest, id, "first-Pass-1").get("/api/me").status()).isEqualTo(200);
      assertThat(Api.as(rest, id, "first-Pass-1").get("/api/me").status()).isEqualTo(200);

      User saved = identityService.createUserQuery().userId(id).singleResult();
      saved.setPassword("second-Pass-2");
      identityService.saveUser(saved);
      assertThat(Api.as(rest, id, "first-Pass-1").get("/api/me").status()).isEqualTo(401);
    } finally {
      identityService.deleteUser(id);
    }

    String other = newCentreUser("third-Pass-3");
    assertThat(Api.as(rest, other, "third-Pass-3").get("/api/me").status()).isEqualTo(200);
    identityService.deleteUser(other);
    assertThat(Api.as(rest, other, "third-Pass-3").get("/api/me").status()).isEqualTo(401);
  }

  private String newCentreUser(String password) {
    String id = "signin-cache-" + System.nanoTime() % 1_000_000;
    User user = identityService.newUser(id);
    user.setFirstName("测试");
    user.setLastName("用户");
    user.setPassword(password);
    identityService.saveUser(user);
    identityService.createMembership(id, Role.COUNTY_CENTRE.groupId());
    identityService.createMembership(id, Routing.areaGroup("371330"));
    return id;
  }

  @Test
  void aRemovedMembershipAppliesAtOnceOnGuardiansApiAndTheEngineRestApi() {
    String id = "signin-groups-" + System.nanoTime() % 1_000_000;
    User user = identityService.newUser(id);
    user.setFirstName("测试");
    user.setLastName("用户");
    user.setPassword("first-Pass-1");
    identityService.saveUser(user);
    String chiefs = Routing.group(Role.STATION_CHIEF, "371330101");
    identityService.createMembership(id, Role.STATION_CHIEF.groupId());
    identityService.createMembership(id, chiefs);
    identityService.createMembership(id, Routing.areaGroup("371330101"));
    try {
      Api me = Api.as(rest, id, "first-Pass-1");
      assertThat(me.get("/api/me").json().path("roles").toString())
          .isEqualTo("[\"STATION_CHIEF\"]");
      // the engine's authorization checks take the groups of the sign-in: the station chiefs'
      // Tasklist filter is readable by their role group only
      String filters = "/engine-rest/filter?resourceType=Task";
      assertThat(me.get(filters).json().findValuesAsText("name")).contains("待研判报告");

      identityService.deleteMembership(id, Role.STATION_CHIEF.groupId());
      identityService.deleteMembership(id, chiefs);
      assertThat(me.get("/api/me").json().path("roles").toString()).isEqualTo("[]");
      assertThat(me.get(filters).json().findValuesAsText("name")).doesNotContain("待研判报告");
    } finally {
      identityService.deleteUser(id);
    }
  }
}
