package org.guardian.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.guardian.GuardianTest;
import org.guardian.people.Role;
import org.guardian.people.Routing;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo data is loaded at every start of the demo profile: on a county that has it, a start adds
 * nothing twice, and puts back what is missing (here a demo person's membership). (The demo people
 * follow the county's townships and villages, so a township added by another test gets its people
 * at the first load of this test.)
 */
@GuardianTest
class DemoDataTest {

  @Autowired DemoData demoData;
  @Autowired IdentityService identityService;

  @Test
  void aRestartAddsNothingTwiceAndPutsBackWhatIsMissing() {
    // areas other tests added to the county get their demo people here, once
    demoData.load();
    String chief = "chief-103";
    String routing = Routing.group(Role.STATION_CHIEF, "371330103");
    identityService.deleteMembership(chief, routing);

    DemoData.Added added = demoData.load();

    assertThat(added).isEqualTo(new DemoData.Added(0, 0, 0));
    assertThat(identityService.createUserQuery().userId(chief).memberOfGroup(routing).count())
        .isEqualTo(1);
    assertThat(identityService.createUserQuery().userId(chief).count()).isEqualTo(1);
  }
}
