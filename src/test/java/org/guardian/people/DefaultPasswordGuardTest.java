package org.guardian.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.guardian.GuardianTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;

/** Demo credentials never work outside the demo profile: Guardian refuses to start. */
@GuardianTest
class DefaultPasswordGuardTest {

  @Autowired IdentityService identityService;
  @Autowired ProcessEngineConfiguration configuration;

  DefaultPasswordGuard guard(String... profiles) {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles(profiles);
    return new DefaultPasswordGuard(identityService, configuration, environment, "demo");
  }

  @Test
  void theProductionProfileRefusesToStartWithDemoCredentials() {
    assertThat(guard("postgres").usersWithDefaultPasswords()).contains("demo", "chief-101");
    assertThatThrownBy(() -> guard("postgres").afterSingletonsInstantiated())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("default password")
        .hasMessageNotContaining("demo/demo");
  }

  @Test
  void theDemoProfileMayUseThem() {
    guard("demo").afterSingletonsInstantiated();
  }

  @Test
  void aChangedPasswordIsNoLongerReportedAndCheckingCountsNoFailedLogin() {
    var user = identityService.newUser("guard-test-user");
    user.setPassword("demo");
    identityService.saveUser(user);
    assertThat(guard("postgres").usersWithDefaultPasswords()).contains("guard-test-user");

    var saved = identityService.createUserQuery().userId("guard-test-user").singleResult();
    saved.setPassword("Xq7-long-and-unguessable");
    identityService.saveUser(saved);

    assertThat(guard("postgres").usersWithDefaultPasswords()).doesNotContain("guard-test-user");
    assertThat(identityService.checkPassword("guard-test-user", "Xq7-long-and-unguessable"))
        .isTrue();
    identityService.deleteUser("guard-test-user");
  }
}
