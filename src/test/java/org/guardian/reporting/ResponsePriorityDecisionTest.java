package org.guardian.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.guardian.GuardianTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The decision {@code response-priority}, row by row: each case names the row it exercises, gives
 * the report facts that should reach exactly that row, and the outputs expected. A row added to the
 * table without a case here fails {@link #everyRowOfTheTableHasACase}.
 */
@GuardianTest
class ResponsePriorityDecisionTest {

  @Autowired DecisionService decisions;
  @Autowired RepositoryService repository;

  static Map<String, Object> facts(Object... pairs) {
    Map<String, Object> v = new HashMap<>();
    for (String f : List.of("sexualHarm", "injury", "violence", "abandonment", "noAdultCare",
        "neglect", "childUnder3")) {
      v.put(f, false);
    }
    v.put("priorReports", 0);
    v.put("channel", "REPORTER_API");
    for (int i = 0; i < pairs.length; i += 2) {
      v.put((String) pairs[i], pairs[i + 1]);
    }
    return v;
  }

  static Stream<Arguments> rows() {
    String i = "immediate";
    String h = "within-24h";
    String d = "within-10d";
    return Stream.of(
        Arguments.of("Rule_SexualHarm", facts("sexualHarm", true), i, "疑似性侵害", "PT1H", "PT2H"),
        Arguments.of("Rule_Injury", facts("injury", true), i, "受伤", "PT1H", "PT2H"),
        Arguments.of("Rule_Violence", facts("violence", true), i, "正在遭受暴力", "PT1H", "PT2H"),
        Arguments.of("Rule_Abandonment", facts("abandonment", true), i, "遗弃", "PT1H", "PT2H"),
        Arguments.of("Rule_NoAdultCare", facts("noAdultCare", true), i, "无成年人照料", "PT1H",
            "PT2H"),
        Arguments.of("Rule_NeglectUnder3", facts("neglect", true, "childUnder3", true), i,
            "未满3周岁儿童照料不当", "PT1H", "PT2H"),
        Arguments.of("Rule_RepeatedReports", facts("priorReports", 2), i, "12个月内多次报告", "PT1H",
            "PT2H"),
        Arguments.of("Rule_Neglect", facts("neglect", true), h, "照料不当、生活无着", "PT8H", "PT16H"),
        Arguments.of("Rule_ChildUnder3", facts("childUnder3", true), h, "未满3周岁", "PT8H",
            "PT16H"),
        Arguments.of("Rule_RepeatedOnce", facts("priorReports", 1), h, "12个月内再次报告", "PT8H",
            "PT16H"),
        Arguments.of("Rule_EarlyWarning", facts("channel", "EARLY_WARNING"), h, "监测预警", "PT8H",
            "PT16H"),
        Arguments.of("Rule_Otherwise", facts(), d, "其他情形", "P2D", "P4D"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void eachRowGivesItsPriorityAndTriageClock(String row, Map<String, Object> facts,
      String priority, String reason, String triageWithin, String escalateAgainAfter) {
    var result = decisions
        .evaluateDecisionTableByKey(GuardianshipCase.DECISION_RESPONSE_PRIORITY, facts)
        .getSingleResult();

    assertThat(result.<String>getEntry("responsePriority")).as(row).isEqualTo(priority);
    assertThat(result.<String>getEntry("priorityReason")).as(row).isEqualTo(reason);
    assertThat(result.<String>getEntry("triageWithin")).as(row).isEqualTo(triageWithin);
    assertThat(result.<String>getEntry("escalateAgainAfter")).as(row)
        .isEqualTo(escalateAgainAfter);
    assertThat(ruleOf(reason)).as("the case reaches the row it names").isEqualTo(row);
  }

  @Test
  void theMostUrgentMatchingRowWins() {
    var result = decisions.evaluateDecisionTableByKey(
        GuardianshipCase.DECISION_RESPONSE_PRIORITY,
        facts("neglect", true, "priorReports", 1, "sexualHarm", true)).getSingleResult();

    assertThat(result.<String>getEntry("responsePriority")).isEqualTo("immediate");
    assertThat(result.<String>getEntry("priorityReason")).isEqualTo("疑似性侵害");
  }

  @Test
  void everyRowOfTheTableHasACase() {
    assertThat(rows().map(a -> (String) a.get()[0]).toList())
        .containsExactlyInAnyOrderElementsOf(table().getRules().stream().map(Rule::getId)
            .toList());
  }

  /** The row whose reason output is the given text (reasons are unique per row). */
  String ruleOf(String reason) {
    List<String> ids = table().getRules().stream()
        .filter(r -> r.getOutputEntries().stream()
            .anyMatch(o -> o.getTextContent().equals("\"" + reason + "\"")))
        .map(Rule::getId).collect(Collectors.toList());
    assertThat(ids).as("rows giving " + reason).hasSize(1);
    return ids.get(0);
  }

  DecisionTable table() {
    DecisionDefinition latest = repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(GuardianshipCase.DECISION_RESPONSE_PRIORITY).latestVersion()
        .singleResult();
    DmnModelInstance model = repository.getDmnModelInstance(latest.getId());
    return model.getModelElementsByType(DecisionTable.class).iterator().next();
  }
}
