package org.guardian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.guardian.common.FieldProblem;
import org.guardian.workflow.FormSchema;
import org.junit.jupiter.api.Test;

/**
 * The Camunda Form {@code home-visit} and the code that reads it agree: every scored item, urgent
 * item and question is a field of the form, scores are declared 0 to 3, and the rules across fields
 * catch what the form cannot declare.
 */
class HomeVisitFormTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

  FormSchema form() throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("forms/home-visit.form"))) {
      return FormSchema.parse(in);
    }
  }

  Map<String, Object> valid() {
    Map<String, Object> vars = new HashMap<>(MonitoringTestSupport.leftBehindVisit(10));
    vars.put("visitedOn", TODAY.toString());
    return vars;
  }

  @Test
  void everyFieldTheCodeReadsIsOnTheForm() throws Exception {
    assertThat(form().formId()).isEqualTo("home-visit");
    assertThat(form().keys()).containsAll(HomeVisitForm.keys());
  }

  @Test
  void scoresAreDeclaredFromZeroToThree() throws Exception {
    Map<String, Object> vars = valid();
    assertThat(form().check(vars)).isEmpty();
    vars.put(ScoreItem.CONCERN_SAFETY.key(), 4);
    vars.put(ScoreItem.FAMILY_CARE.key(), -1);
    vars.remove(ScoreItem.SUPPORT_SCHOOL.key());
    assertThat(form().check(vars)).extracting(FieldProblem::field).containsExactlyInAnyOrder(
        "concernSafety", "familyCare", "supportSchool");
  }

  @Test
  void sixSectionsOfThreeItemsMakeATotalOfFiftyFour() {
    for (Section section : Section.values()) {
      assertThat(ScoreItem.ofSection(section)).hasSize(3);
      assertThat(section.max()).isEqualTo(9);
    }
    assertThat(ScoreItem.maxTotal()).isEqualTo(54);
    HomeVisitReport report = HomeVisitForm.report(valid(), true, ZONE);
    assertThat(report.total()).isEqualTo(10);
    assertThat(report.sectionScore(Section.FAMILY)).isEqualTo(9);
    assertThat(report.sectionScore(Section.APPEARANCE)).isEqualTo(1);
    assertThat(report.parentsWeeklyContact()).isTrue();
    assertThat(report.caregiverCapable()).isTrue();
  }

  @Test
  void rulesAcrossFieldsNameEachBadField() {
    Map<String, Object> vars = valid();
    assertThat(HomeVisitForm.problems(vars, true, TODAY, TODAY.minusMonths(3), ZONE)).isEmpty();

    vars.put("seenChild", false);
    vars.put("seenCaregiver", false);
    vars.remove("parentsWeeklyContact");
    vars.put("caregiverCapable", "no");
    vars.put("visitedOn", TODAY.plusDays(1).toString());
    vars.put(ScoreItem.CONCERN_PSYCH.key(), 1.5);

    assertThat(HomeVisitForm.problems(vars, true, TODAY, TODAY.minusMonths(3), ZONE))
        .extracting(FieldProblem::field).containsExactlyInAnyOrder("seenChild",
            "childNotSeenReason", "concernPsych", "visitedOn", "parentsWeeklyContact",
            "caregiverNote");
  }

  @Test
  void leftBehindQuestionsAreAskedOnlyOfLeftBehindChildren() {
    Map<String, Object> vars = MonitoringTestSupport.visit(3);
    vars.put("visitedOn", TODAY.toString());
    assertThat(HomeVisitForm.problems(vars, false, TODAY, null, ZONE)).isEmpty();
    assertThat(HomeVisitForm.problems(vars, true, TODAY, null, ZONE))
        .extracting(FieldProblem::field)
        .containsExactlyInAnyOrder("parentsWeeklyContact", "caregiverCapable");
    assertThat(HomeVisitForm.report(vars, false, ZONE).caregiverCapable()).isNull();
  }

  @Test
  void aVisitBeforeTheLastOneIsRefused() {
    Map<String, Object> vars = valid();
    assertThat(HomeVisitForm.problems(vars, true, TODAY, TODAY.plusDays(1), ZONE))
        .extracting(FieldProblem::field).containsExactly("visitedOn");
  }
}
