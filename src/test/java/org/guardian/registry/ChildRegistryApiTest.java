package org.guardian.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.guardian.TestChildren;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

@GuardianTest
class ChildRegistryApiTest {

  @Autowired
  TestRestTemplate rest;

  Api director() {
    return Api.as(rest, "director-101201");
  }

  long create(Api api, Map<String, Object> body) {
    Api.Response r = api.post("/api/children", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  long countRows(String sql) {
    return 0;
  }

  @Test
  void childDirectorRegistersAChildOfTheirVillage() {
    Map<String, Object> body = TestChildren.leftBehind(TestChildren.VILLAGE_101201);
    Api.Response r = director().post("/api/children", body);

    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    JsonNode child = r.json();
    assertThat(r.headers().getLocation()).hasToString("/api/children/" + child.path("id").asLong());
    assertThat(child.path("name").asText()).isEqualTo(body.get("name"));
    assertThat(child.path("townshipCode").asText()).isEqualTo("371330101");
    assertThat(child.path("areaName").asText()).isEqualTo("青溪镇 东庄村");
    assertThat(child.path("fileStatus").asText()).isEqualTo("PENDING_REVIEW");
    assertThat(child.path("guardians").get(0).path("worksAway").asBoolean()).isTrue();
    assertThat(child.path("caregiver").path("name").asText()).isEqualTo("测试奶奶");
    assertThat(child.path("createdBy").asText()).isEqualTo("director-101201");
  }

  @Test
  void duplicateIdNumberIsAConflictAndNothingIsWritten() {
    Map<String, Object> body = TestChildren.leftBehind(TestChildren.VILLAGE_101201);
    create(director(), body);
    body.put("name", "另一个名字");

    Api.Response again = Api.as(rest, "chief-101").post("/api/children", body);

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorFields()).containsExactly("idNumber");
    Api.Response search = Api.as(rest, "chief-101")
        .get("/api/children?idNumber=" + body.get("idNumber"));
    assertThat(search.json().path("totalItems").asLong()).isEqualTo(1);
    assertThat(search.json().path("items").get(0).path("name").asText())
        .isNotEqualTo("另一个名字");
  }

  @Test
  void lowerCaseCheckCharacterIsTheSameIdNumber() {
    LocalDate birth = LocalDate.of(2016, 3, 9);
    String id = null;
    for (int i = 0; i < 1000 && id == null; i++) {
      String candidate = TestChildren.idNumber(birth, true);
      if (candidate.endsWith("X")) {
        id = candidate;
      }
    }
    assertThat(id).isNotNull();
    Map<String, Object> body = TestChildren.leftBehind(TestChildren.VILLAGE_101201);
    body.put("birthDate", birth.toString());
    body.put("idNumber", id);
    create(director(), body);
    body.put("idNumber", id.toLowerCase());
    assertThat(director().post("/api/children", body).status()).isEqualTo(409);
  }

  @Test
  void updateReplacesTheFileAndAStaleVersionIsAConflict() {
    long id = create(director(), TestChildren.leftBehind(TestChildren.VILLAGE_101201));
    JsonNode read = director().get("/api/children/" + id).json();
    Map<String, Object> body = TestChildren.leftBehind(TestChildren.VILLAGE_101201);
    body.put("idNumber", read.path("idNumber").asText());
    body.put("birthDate", read.path("birthDate").asText());
    body.put("name", "改名后");
    body.put("address", "青溪县东庄村2号");
    body.put("version", read.path("version").asLong());

    Api.Response updated = director().put("/api/children/" + id, body);
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.json().path("name").asText()).isEqualTo("改名后");

    body.put("name", "第二次改名");
    Api.Response stale = director().put("/api/children/" + id, body);
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.errorFields()).containsExactly("version");
    assertThat(director().get("/api/children/" + id).json().path("name").asText())
        .isEqualTo("改名后");
  }

  @Test
  void historyShowsWhoChangedWhatAndWhen() {
    long id = create(director(), TestChildren.leftBehind(TestChildren.VILLAGE_101201));
    JsonNode read = director().get("/api/children/" + id).json();
    Map<String, Object> body = TestChildren.leftBehind(TestChildren.VILLAGE_101201);
    body.put("idNumber", read.path("idNumber").asText());
    body.put("birthDate", read.path("birthDate").asText());
    body.put("name", read.path("name").asText());
    body.put("school", "青溪县第一中学");
    body.put("riskFlags", List.of("SCHOOL_DROPOUT"));
    body.put("version", read.path("version").asLong());
    assertThat(Api.as(rest, "csup-101").put("/api/children/" + id, body).status()).isEqualTo(200);

    Api.Response history = Api.as(rest, "chief-101").get("/api/children/" + id + "/history");

    assertThat(history.status()).isEqualTo(200);
    JsonNode revisions = history.json();
    assertThat(revisions).hasSize(2);
    assertThat(revisions.get(0).path("kind").asText()).isEqualTo("CREATED");
    assertThat(revisions.get(0).path("by").asText()).isEqualTo("director-101201");
    JsonNode update = revisions.get(1);
    assertThat(update.path("kind").asText()).isEqualTo("UPDATED");
    assertThat(update.path("by").asText()).isEqualTo("csup-101");
    assertThat(update.path("at").asText()).isNotBlank();
    assertThat(update.path("changes").findValuesAsText("field"))
        .contains("school", "riskFlags")
        .doesNotContain("name", "idNumber");
    JsonNode school = null;
    for (JsonNode c : update.path("changes")) {
      if (c.path("field").asText().equals("school")) {
        school = c;
      }
    }
    assertThat(school.path("before").asText()).isEqualTo("青溪县实验小学");
    assertThat(school.path("after").asText()).isEqualTo("青溪县第一中学");
  }

  @Test
  void searchFindsByNameCategoryFlagAndAreaWithinTheCallersAreaOnly() {
    Map<String, Object> here = TestChildren.leftBehind(TestChildren.VILLAGE_101201);
    here.put("name", "检索测试甲");
    create(director(), here);
    Map<String, Object> there = TestChildren.leftBehind(TestChildren.VILLAGE_102201);
    there.put("name", "检索测试乙");
    create(Api.as(rest, "director-102201"), there);

    JsonNode mine = director().get("/api/children?name=检索测试&size=50").json();
    assertThat(mine.path("items").findValuesAsText("name")).contains("检索测试甲")
        .doesNotContain("检索测试乙");
    JsonNode county = Api.as(rest, "centre").get("/api/children?name=检索测试&size=50").json();
    assertThat(county.path("items").findValuesAsText("name"))
        .contains("检索测试甲", "检索测试乙");

    JsonNode page = Api.as(rest, "centre")
        .get("/api/children?category=LEFT_BEHIND&area=371330101&page=0&size=5").json();
    assertThat(page.path("size").asInt()).isEqualTo(5);
    assertThat(page.path("items")).hasSize(5);
    assertThat(page.path("totalItems").asLong()).isGreaterThan(5);
    page.path("items").forEach(c -> {
      assertThat(c.path("villageCode").asText()).startsWith("371330101");
      assertThat(c.path("categories").findValuesAsText("")).isEmpty();
      assertThat(c.path("categories").toString()).contains("LEFT_BEHIND");
      assertThat(c.has("idNumber")).isFalse();
    });
    JsonNode second = Api.as(rest, "centre")
        .get("/api/children?category=LEFT_BEHIND&area=371330101&page=1&size=5").json();
    assertThat(second.path("items").get(0).path("id").asLong())
        .isGreaterThan(page.path("items").get(4).path("id").asLong());

    Map<String, Object> flagged = TestChildren.leftBehind(TestChildren.VILLAGE_101201);
    flagged.put("riskFlags", List.of("RUNAWAY_HISTORY"));
    long flaggedId = create(director(), flagged);
    JsonNode byFlag = director().get("/api/children?flag=RUNAWAY_HISTORY&size=200").json();
    assertThat(byFlag.path("items").findValues("id").stream().map(JsonNode::asLong))
        .contains(flaggedId);
    byFlag.path("items").forEach(c ->
        assertThat(c.path("riskFlags").toString()).contains("RUNAWAY_HISTORY"));
  }
}
