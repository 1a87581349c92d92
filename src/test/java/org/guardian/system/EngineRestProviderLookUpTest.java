package org.guardian.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.guardian.GuardianTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.HttpStatus;

/** Requests to the engine REST API search the class path for the engine's provider once. */
@GuardianTest
class EngineRestProviderLookUpTest {

  @Autowired TestRestTemplate rest;
  @Autowired @Qualifier("engineRestAuthentication") FilterRegistrationBean<?> registration;

  @Test
  void theResourcesLookUpsOfTheEngineAreAnsweredWithoutSearchingAgain() {
    EngineRestAuthenticationFilter filter = (EngineRestAuthenticationFilter) registration.getFilter();
    assertThat(rest.withBasicAuth("demo", "demo").getForEntity("/engine-rest/task/count",
        String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    EngineRestAuthenticationFilter.KnownProviders known = filter.knownProviders();
    int answers = known.answers();
    for (int i = 0; i < 3; i++) {
      assertThat(rest.withBasicAuth("demo", "demo").getForEntity("/engine-rest/task/count",
          String.class).getBody()).contains("count");
    }
    assertThat(filter.knownProviders()).isSameAs(known);
    assertThat(known.answers()).as("each request's resources look the engine up")
        .isGreaterThanOrEqualTo(answers + 3);
    assertThat(known.searches()).as("the class path searched once").isEqualTo(1);
  }
}
