package org.guardian.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.guardian.policy.DecisionTableAnalysis.Column;
import org.guardian.policy.DecisionTableAnalysis.Result;
import org.guardian.policy.DecisionTableAnalysis.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The FEEL unary tests the analysis reads, and exact overlaps and gaps on small tables. */
class DecisionTableAnalysisTest {

  static Result analyse(List<Column> columns, String... rows) {
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      List<String> entries = List.of(rows[i].split("\\|", -1));
      rules.add(new Rule(i + 1, "Rule_" + (i + 1), entries.stream().map(String::trim).toList(),
          List.of(), List.of("\"out" + (i + 1) + "\"")));
    }
    return DecisionTableAnalysis.analyse(columns, rules, true, false, true);
  }

  static List<String> gaps(Result r) {
    return r.gaps().stream().map(DecisionTableAnalysis.Gap::description).toList();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = ';', value = {
      "-; Any",
      "'  '; Any",
      "true; Tests",
      "\"LEFT_BEHIND\",\"ORPHAN\"; Tests",
      "not(\"a\", \"b\"); Tests",
      "< 5; Tests",
      ">= -2.5; Tests",
      "[1..5]; Tests",
      "]1..5[; Tests",
      "(1..5); Tests",
      "[1..5), 7, > 10; Tests",
      "date(\"2024-01-01\"); Tests",
      "< date(\"2024-01-01\"); Tests",
      "< threshold; Unanalysable",
      "null; Unanalysable",
      "contains(\"x\"); Unanalysable",
      "? > 3; Unanalysable",
      "[1..\"b\"]; Unanalysable"})
  void readsTheCommonFormsAndSaysWhenItCannot(String text, String kind) {
    assertThat(UnaryTests.parse(text).getClass().getSimpleName()).isEqualTo(kind);
  }

  @Test
  void stringsNamedAndNotNamedCoverEverything() {
    List<Column> columns = List.of(new Column("category", "string", null));
    assertThat(gaps(analyse(columns, "\"a\",\"b\"", "not(\"a\",\"b\")"))).isEmpty();
    assertThat(gaps(analyse(columns, "\"a\"", "\"b\""))).containsExactly("category=其他值");
  }

  @Test
  void declaredInputValuesCloseAStringColumn() {
    List<Column> columns = List.of(new Column("colour", "string", "\"red\",\"green\""));
    assertThat(gaps(analyse(columns, "\"red\"", "\"green\""))).isEmpty();
    assertThat(gaps(analyse(columns, "\"red\""))).containsExactly("colour=\"green\"");
    assertThat(analyse(columns, "\"blue\"").notes()).singleElement()
        .satisfies(n -> assertThat(n.message()).contains("blue", "不在声明的输入值中"));
  }

  @Test
  void rangesWithOpenAndClosedEndsAreExact() {
    List<Column> columns = List.of(new Column("score", "double", null));
    assertThat(gaps(analyse(columns, "< 10", "[10..20[", ">= 20"))).isEmpty();
    assertThat(gaps(analyse(columns, "< 10", "]10..20]", "> 20"))).containsExactly("score=10");
    assertThat(analyse(columns, "<= 10", "[10..20]", "> 20").overlaps()).singleElement()
        .satisfies(o -> assertThat(o.example()).isEqualTo("score=10"));
    assertThat(analyse(columns, "< 10", "(10..20)", "> 20").overlaps()).isEmpty();
  }

  @Test
  void datesAreCompared() {
    List<Column> columns = List.of(new Column("since", "date", null));
    assertThat(gaps(analyse(columns, "< date(\"2024-01-01\")", ">= date(\"2024-01-01\")")))
        .isEmpty();
    assertThat(gaps(analyse(columns, "< date(\"2024-01-01\")", "> date(\"2024-01-01\")")))
        .containsExactly("since=date(\"2024-01-01\")");
  }

  @Test
  void gapsAreFoundAcrossSeveralColumns() {
    List<Column> columns = List.of(new Column("isLeftBehind", "boolean", null),
        new Column("hasRiskFlag", "boolean", null), new Column("age", "integer", null));
    Result result = analyse(columns,
        "true | - | < 16",
        "false | false | -",
        "true | - | >= 16");

    assertThat(gaps(result)).containsExactly("isLeftBehind=false, hasRiskFlag=true");
    assertThat(result.overlaps()).isEmpty();
  }

  @Test
  void negationIsTheComplement() {
    List<Column> columns = List.of(new Column("flag", "boolean", null));
    assertThat(gaps(analyse(columns, "not(true)", "true"))).isEmpty();
    assertThat(analyse(columns, "not(true)", "false").overlaps()).hasSize(1);
  }

  @Test
  void aColumnWithoutTypeTakesTheTypeOfItsEntries() {
    List<Column> columns = List.of(new Column("n", null, null));
    assertThat(gaps(analyse(columns, "< 1", "> 1"))).containsExactly("n=1");
    assertThat(analyse(columns, "< 1", "\"x\"").notes()).isNotEmpty();
  }
}
