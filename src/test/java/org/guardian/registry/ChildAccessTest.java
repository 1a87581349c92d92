package org.guardian.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.guardian.TestChildren;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A person sees and changes only the children of their own area: a child director their village, a
 * township's staff their township, county staff the county. Out-of-area reads are 404 (no probing
 * for other areas' children), out-of-area creation is 403, and roles without access to files are
 * 403.
 */
@GuardianTest
class ChildAccessTest {

  @Autowired TestRestTemplate rest;

  long childOf101201;
  JsonNode file;

  @BeforeEach
  void childInVillage101201() {
    Api.Response created = Api.as(rest, "director-101201")
        .post("/api/children", TestChildren.leftBehind(TestChildren.VILLAGE_101201));
    assertThat(created.status()).isEqualTo(201);
    file = created.json();
    childOf101201 = file.path("id").asLong();
  }

  Map<String, Object> updateBody() {
    Map<String, Object> body = TestChildren.leftBehind(TestChildren.VILLAGE_101201);
    body.put("idNumber", file.path("idNumber").asText());
    body.put("birthDate", file.path("birthDate").asText());
    body.put("version", file.path("version").asLong());
    return body;
  }

  // Reading the file and its parts, by role and area: system/AccessMatrixTest (one table with
  // the tasks, process instances, reports, documents, dashboard, exports and deployments).

  @ParameterizedTest(name = "{0} changes: {1}")
  @CsvSource({
      "director-101201, 200", "director-101202, 404", "csup-101, 200", "chief-102, 404",
      "centre, 200", "supervisor, 403", "legal, 403", "policy, 403"
  })
  void changingAFileIsLimitedToTheAreaAndToCaseworkers(String user, int status) {
    Map<String, Object> body = updateBody();
    body.put("school", "由" + user + "修改");
    Api.Response r = Api.as(rest, user).put("/api/children/" + childOf101201, body);
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    String school = Api.as(rest, "demo").get("/api/children/" + childOf101201).json()
        .path("school").asText();
    if (status == 200) {
      assertThat(school).isEqualTo("由" + user + "修改");
    } else {
      assertThat(school).isEqualTo(file.path("school").asText());
    }
  }

  @ParameterizedTest(name = "{0} registers in {1}: {2}")
  @CsvSource({
      "director-101201, 371330101201, 201", "director-101201, 371330101202, 403",
      "chief-101, 371330101202, 201", "chief-101, 371330102201, 403",
      "centre, 371330102201, 201", "legal, 371330102201, 403", "policy, 371330101201, 403",
      "supervisor, 371330101201, 403"
  })
  void registeringIsLimitedToTheAreaAndToCaseworkers(String user, String village, int status) {
    Map<String, Object> body = TestChildren.leftBehind(village);
    Api.Response r = Api.as(rest, user).post("/api/children", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    long found = Api.as(rest, "demo").get("/api/children?idNumber=" + body.get("idNumber"))
        .json().path("totalItems").asLong();
    assertThat(found).isEqualTo(status == 201 ? 1 : 0);
  }

  @ParameterizedTest(name = "{0} moves the child to {1}: {2}")
  @CsvSource({"director-101201, 371330101202, 403", "csup-101, 371330101202, 200",
      "csup-101, 371330102201, 403"})
  void movingAChildOutOfOnesAreaIsRefused(String user, String village, int status) {
    Map<String, Object> body = updateBody();
    body.put("villageCode", village);
    assertThat(Api.as(rest, user).put("/api/children/" + childOf101201, body).status())
        .isEqualTo(status);
  }
}
