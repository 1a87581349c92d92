package org.guardian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.guardian.Api;
import org.guardian.GuardianTest;
import org.guardian.TestChildren;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Tasklist comes with shared filters per role, evaluated for the signed-in person and area. */
@GuardianTest
class TasklistFiltersTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  Map<String, String> filterIds(String user) {
    Map<String, String> ids = new HashMap<>();
    Api.as(rest, user).get("/engine-rest/filter?resourceType=Task").json()
        .forEach(f -> ids.put(f.path("name").asText(), f.path("id").asText()));
    return ids;
  }

  JsonNode list(String user, String filter) {
    String id = filterIds(user).get(filter);
    return Api.as(rest, user).post("/engine-rest/filter/" + id + "/list?maxResults=500",
        Map.of()).json();
  }

  String newReviewTask(String village, String director) {
    long child = Api.as(rest, director).post("/api/children", TestChildren.leftBehind(village))
        .json().path("id").asLong();
    return tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(child))
        .processDefinitionKey(org.guardian.registry.FileReview.KEY).singleResult().getId();
  }

  @Test
  void everyCaseworkerSeesTheSharedFiltersInChinese() {
    assertThat(filterIds("director-101201").keySet())
        .contains("我的待办", "本组待办", "已逾期", "红色风险案件", "全部可见任务");
    assertThat(filterIds("chief-101").keySet()).contains("我的待办", "本组待办");
  }

  @Test
  void groupTasksAreThoseOfThePersonsRoleAndAreaAndMineAreClaimed() {
    String here = newReviewTask(TestChildren.VILLAGE_101201, "director-101201");
    String there = newReviewTask(TestChildren.VILLAGE_102201, "director-102201");

    assertThat(list("csup-101", "本组待办").findValuesAsText("id")).contains(here)
        .doesNotContain(there);
    assertThat(list("csup-102", "本组待办").findValuesAsText("id")).contains(there)
        .doesNotContain(here);
    assertThat(list("chief-101", "本组待办").findValuesAsText("id")).doesNotContain(here);

    assertThat(Api.as(rest, "csup-101").post("/engine-rest/task/" + here + "/claim",
        Map.of("userId", "csup-101")).status()).isEqualTo(204);
    assertThat(list("csup-101", "我的待办").findValuesAsText("id")).contains(here);
    assertThat(list("csup-101", "本组待办").findValuesAsText("id")).doesNotContain(here);
  }

  @Test
  void overdueShowsTasksPastTheirDueDate() {
    String task = newReviewTask(TestChildren.VILLAGE_101202, "director-101202");
    assertThat(list("csup-101", "已逾期").findValuesAsText("id")).doesNotContain(task);

    ClockUtil.setCurrentTime(new java.util.Date(System.currentTimeMillis()
        + 8L * 24 * 3600 * 1000)); // review is due in 7 days
    assertThat(list("csup-101", "已逾期").findValuesAsText("id")).contains(task);
  }

  @Test
  void eachRoleAlsoSeesItsOwnFilterAndNotTheOtherRoles() {
    assertThat(filterIds("director-101201").keySet()).contains("入户走访")
        .doesNotContain("待研判报告", "档案审核与转介", "监护干预事项", "临时监护与安置");
    assertThat(filterIds("chief-101").keySet()).contains("待研判报告", "已逾期")
        .doesNotContain("入户走访", "监护干预事项");
    assertThat(filterIds("csup-101").keySet()).contains("档案审核与转介")
        .doesNotContain("入户走访", "待研判报告");
    assertThat(filterIds("legal").keySet()).contains("监护干预事项", "我的待办")
        .doesNotContain("入户走访");
    assertThat(filterIds("centre").keySet()).contains("临时监护与安置", "本组待办")
        .doesNotContain("待研判报告");
    assertThat(filterIds("policy")).isEmpty();
  }

  @Test
  void theRoleFiltersListTheRolesOwnTasksOfItsOwnArea() {
    String review = newReviewTask(TestChildren.VILLAGE_101201, "director-101201");
    JsonNode reviews = list("csup-101", "档案审核与转介");
    assertThat(reviews.findValuesAsText("id")).contains(review);
    assertThat(list("csup-102", "档案审核与转介").findValuesAsText("id")).doesNotContain(review);

    JsonNode visits = list("director-101201", "入户走访");
    assertThat(visits).isNotEmpty();
    visits.forEach(t -> assertThat(t.path("taskDefinitionKey").asText())
        .isEqualTo("Task_HomeVisit"));
    long other = Api.as(rest, "demo").post("/api/children",
        TestChildren.leftBehind(TestChildren.VILLAGE_102201)).json().path("id").asLong();
    String visitOfOtherVillage = tasks.createTaskQuery().taskDefinitionKey("Task_HomeVisit")
        .processInstanceBusinessKey(String.valueOf(other)).singleResult().getId();
    assertThat(list("director-102201", "入户走访").findValuesAsText("id"))
        .contains(visitOfOtherVillage);
    assertThat(visits.findValuesAsText("id")).doesNotContain(visitOfOtherVillage, review);
  }
}
