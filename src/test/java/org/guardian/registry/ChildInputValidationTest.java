package org.guardian.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.guardian.TestChildren;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Bad input to /api/children is a 400 with an RFC 7807 body naming each bad field, and nothing is
 * written; unknown ids are 404.
 */
@GuardianTest
class ChildInputValidationTest {

  @Autowired TestRestTemplate rest;

  Api director() {
    return Api.as(rest, "director-101201");
  }

  static Map<String, Object> body(Consumer<Map<String, Object>> change) {
    Map<String, Object> body = new HashMap<>(TestChildren.leftBehind(TestChildren.VILLAGE_101201));
    change.accept(body);
    return body;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> guardian(Map<String, Object> body) {
    Map<String, Object> g = new HashMap<>(((List<Map<String, Object>>) body.get("guardians")).get(0));
    body.put("guardians", List.of(g));
    return g;
  }

  static Stream<Arguments> badBodies() {
    return Stream.of(
        Arguments.of("missing name", body(b -> b.remove("name")), List.of("name")),
        Arguments.of("blank name", body(b -> b.put("name", "  ")), List.of("name")),
        Arguments.of("overlong name", body(b -> b.put("name", "张".repeat(51))), List.of("name")),
        Arguments.of("bad check digit", body(b -> {
          String id = (String) b.get("idNumber");
          char last = id.charAt(17);
          b.put("idNumber", id.substring(0, 17) + (last == '1' ? '2' : '1'));
        }), List.of("idNumber")),
        Arguments.of("birth date not in ID", body(b -> b.put("birthDate",
            LocalDate.parse((String) b.get("birthDate")).minusDays(1).toString())),
            List.of("birthDate")),
        Arguments.of("sex not in ID", body(b -> b.put("sex", "FEMALE")), List.of("sex")),
        Arguments.of("future birth date", body(b -> b.put("birthDate",
            LocalDate.now().plusDays(3).toString())), List.of("birthDate")),
        Arguments.of("unknown village", body(b -> b.put("villageCode", "371330999999")),
            List.of("villageCode")),
        Arguments.of("malformed village", body(b -> b.put("villageCode", "abc")),
            List.of("villageCode")),
        Arguments.of("no category", body(b -> b.put("categories", List.of())),
            List.of("categories")),
        Arguments.of("unknown category", body(b -> b.put("categories", List.of("ROYALTY"))),
            List.of("categories[0]")),
        Arguments.of("in difficulty without kind", body(b -> b.put("categories",
            List.of("LEFT_BEHIND", "IN_DIFFICULTY"))), List.of("difficultyKind")),
        Arguments.of("left-behind without caregiver", body(b -> b.remove("caregiver")),
            List.of("caregiver")),
        Arguments.of("left-behind without parent away", body(b -> {
          Map<String, Object> g = guardian(b);
          g.put("worksAway", false);
          g.remove("worksAwaySince");
          g.remove("worksAwayPlace");
        }), List.of("guardians")),
        Arguments.of("works away without since", body(b -> guardian(b).remove("worksAwaySince")),
            List.of("guardians[0].worksAwaySince")),
        Arguments.of("bad guardian phone", body(b -> guardian(b).put("phone", "call me")),
            List.of("guardians[0].phone")),
        Arguments.of("wrong type", body(b -> b.put("household", Map.of("size", "three"))),
            List.of("household.size")),
        Arguments.of("household too large", body(b -> b.put("household", Map.of("size", 99))),
            List.of("household.size")),
        Arguments.of("unknown field", body(b -> b.put("nickname", "小明")), List.of("nickname")),
        Arguments.of("bad date", body(b -> b.put("birthDate", "2015-02-30")),
            List.of("birthDate")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void badBodyIsA400NamingTheFieldAndNothingIsWritten(String what, Map<String, Object> body,
      List<String> fields) {
    Api.Response r = director().post("/api/children", body);

    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.headers().getContentType()).hasToString("application/problem+json");
    assertThat(r.json().path("status").asInt()).isEqualTo(400);
    assertThat(r.errorFields()).as(r.toString()).containsAll(fields);
    r.json().path("errors").forEach(e -> assertThat(e.path("message").asText()).isNotBlank());
    if (body.get("idNumber") instanceof String id && id.length() == 18) {
      Api.Response search = Api.as(rest, "centre").get("/api/children?idNumber=" + id);
      if (search.status() == 200) {
        assertThat(search.json().path("totalItems").asLong()).as(what).isZero();
      }
    }
  }

  @Test
  void malformedJsonIsA400() {
    Api.Response r = director().post("/api/children", "{\"name\": ");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorFields()).containsExactly("body");
  }

  @Test
  void badQueryParametersAreA400NamingTheParameter() {
    assertThat(director().get("/api/children?page=-1").errorFields()).containsExactly("page");
    assertThat(director().get("/api/children?size=abc").errorFields()).containsExactly("size");
    assertThat(director().get("/api/children?category=NONE").errorFields())
        .containsExactly("category");
    assertThat(director().get("/api/children?area=12ab").errorFields()).containsExactly("area");
    assertThat(director().get("/api/children?idNumber=123").errorFields())
        .containsExactly("idNumber");
    assertThat(director().get("/api/children/abc").errorFields()).containsExactly("id");
  }

  @Test
  void unknownChildIsA404() {
    assertThat(director().get("/api/children/987654321").status()).isEqualTo(404);
    assertThat(director().get("/api/children/987654321/history").status()).isEqualTo(404);
    Map<String, Object> body = body(b -> b.put("version", 0));
    assertThat(director().put("/api/children/987654321", body).status()).isEqualTo(404);
  }

  @Test
  void updateWithoutVersionIsA400() {
    Api.Response created = director().post("/api/children",
        TestChildren.leftBehind(TestChildren.VILLAGE_101201));
    long id = created.json().path("id").asLong();
    Map<String, Object> body = new HashMap<>(TestChildren.leftBehind(TestChildren.VILLAGE_101201));
    body.put("idNumber", created.json().path("idNumber").asText());
    body.put("birthDate", created.json().path("birthDate").asText());
    body.put("name", "新名字");

    Api.Response r = director().put("/api/children/" + id, body);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorFields()).containsExactly("version");
    assertThat(director().get("/api/children/" + id).json().path("name").asText())
        .isNotEqualTo("新名字");
  }
}
