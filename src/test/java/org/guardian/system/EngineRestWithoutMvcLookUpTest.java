package org.guardian.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.guardian.GuardianTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * Spring Security's look-up of a request's Spring MVC handler is skipped for the engine REST API
 * and kept for everything else.
 */
@GuardianTest
class EngineRestWithoutMvcLookUpTest {

  @Autowired TestRestTemplate rest;
  @Autowired EngineRestWithoutMvcLookUp lookUp;

  @Test
  void engineRestRequestsSkipTheLookUpAndOthersPassThroughIt() {
    EngineRestWithoutMvcLookUp.Skipping filter = lookUp.wrapped();
    assertThat(filter).as("Spring Security's cache filter found and wrapped").isNotNull();
    int skipped = filter.skipped();
    int passed = filter.passed();

    assertThat(rest.withBasicAuth("demo", "demo").getForEntity("/engine-rest/task/count",
        String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(filter.skipped()).isEqualTo(skipped + 1);
    assertThat(filter.passed()).isEqualTo(passed);

    assertThat(rest.withBasicAuth("demo", "demo").getForEntity("/api/children?size=1",
        String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(filter.passed()).isEqualTo(passed + 1);
  }
}
