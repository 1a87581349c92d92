package org.guardian.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.guardian.GuardianTest;
import org.guardian.people.Role;
import org.guardian.people.Routing;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo data is loaded at every start of the demo profile: on a county that has it, a start adds
 * nothing twice, and puts back what is missing (here a demo person's membership).
 */
@GuardianTest
class DemoDataTest {

  @Autowired DemoData demoData;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aRestartAddsNothingTwiceAndPutsBackWhatIsMissing() {
    long children = count("select count(*) from child");
    long people = identityService.createUserQuery().count();
    long groups = identityService.createGroupQuery().count();
    long areas = count("select count(*) from area");
    String chief = "chief-103";
    String routing = Routing.group(Role.STATION_CHIEF, "371330103");
    identityService.deleteMembership(chief, routing);

    demoData.run(null);

    assertThat(count("select count(*) from child")).isEqualTo(children);
    assertThat(identityService.createUserQuery().count()).isEqualTo(people);
    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    assertThat(count("select count(*) from area")).isEqualTo(areas);
    assertThat(identityService.createUserQuery().userId(chief).memberOfGroup(routing).count())
        .isEqualTo(1);
    assertThat(count("select count(*) from child")).isGreaterThanOrEqualTo(DemoData.CHILDREN);
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }
}
