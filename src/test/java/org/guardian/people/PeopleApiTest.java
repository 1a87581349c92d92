package org.guardian.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Who am I, and the area tree of the demo county. */
@GuardianTest
class PeopleApiTest {

  @Autowired TestRestTemplate rest;

  @Test
  void aPersonsRolesAndAreasComeFromTheirCamundaGroups() {
    JsonNode me = Api.as(rest, "chief-101").get("/api/me").json();
    assertThat(me.path("id").asText()).isEqualTo("chief-101");
    assertThat(me.path("roles").toString()).isEqualTo("[\"STATION_CHIEF\"]");
    assertThat(me.path("areaCodes").toString()).isEqualTo("[\"371330101\"]");

    JsonNode director = Api.as(rest, "director-203203").get("/api/me").json();
    assertThat(director.path("roles").toString()).isEqualTo("[\"CHILD_DIRECTOR\"]");
    assertThat(director.path("areaCodes").toString()).isEqualTo("[\"371330203203\"]");
  }

  @Test
  void theDemoCountyHasThirteenTownshipsWithTheirVillages() {
    JsonNode counties = Api.as(rest, "centre").get("/api/areas").json();
    assertThat(counties.findValuesAsText("code")).contains("371330");
    JsonNode townships = Api.as(rest, "centre").get("/api/areas/371330/subareas").json();
    assertThat(townships).hasSize(13);
    townships.forEach(t -> assertThat(t.path("level").asText()).isEqualTo("TOWNSHIP"));
    JsonNode villages = Api.as(rest, "centre").get("/api/areas/371330105/subareas").json();
    assertThat(villages.findValuesAsText("name")).containsExactly("东岭村", "大石村", "枣林村",
        "高家村", "新民村");
    assertThat(Api.as(rest, "centre").get("/api/areas/371330999/subareas").status())
        .isEqualTo(404);
  }

  @Test
  void routingGroupsFollowTheConvention() {
    assertThat(Routing.group(Role.STATION_CHIEF, "371330101")).isEqualTo("station-chief@371330101");
    assertThat(Routing.areaGroup("371330101201")).isEqualTo("area-371330101201");
    assertThat(Routing.township("371330101201")).isEqualTo("371330101");
    assertThat(Routing.county("371330101201")).isEqualTo("371330");
  }
}
