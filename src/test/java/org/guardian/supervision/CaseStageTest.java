package org.guardian.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.guardian.supervision.Dashboard.Stage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where the dashboard places an open case, from the engine's active activities or its row. */
class CaseStageTest {

  @ParameterizedTest(name = "{0} ({1}) -> {4}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "Task_AcknowledgeReport                              | OPEN        | -            | false | REPORT",
      "Task_EvaluateResponsePriority                       | OPEN        | -            | false | REPORT",
      "Task_TriageReport                                   | OPEN        | -            | false | TRIAGE",
      "Task_TriageReport Timer_TriageOverdue               | OPEN        | -            | false | TRIAGE",
      "Task_RecordTriage                                   | OPEN        | -            | true  | TRIAGE",
      "CallActivity_EmergencyResponse                      | OPEN        | -            | true  | EMERGENCY",
      "Task_RegisterChild                                  | OPEN        | -            | true  | ASSESSMENT",
      "CallActivity_RiskAssessment                         | OPEN        | -            | true  | ASSESSMENT",
      "CallActivity_RiskAssessment SubProcess_AdditionalReport Task_ReviewAdditionalReport | OPEN | - | true | ASSESSMENT",
      "Task_HandOverCase                                   | OPEN        | -            | true  | ASSESSMENT",
      "Event_AwaitCaseClosure                              | HANDED_OVER | assistance   | true  | ASSISTANCE",
      "Event_AwaitCaseClosure                              | HANDED_OVER | intervention | true  | INTERVENTION",
      "CallActivity_Assistance                             | HANDED_OVER | assistance   | true  | ASSISTANCE",
      "CallActivity_GuardianshipIntervention               | HANDED_OVER | intervention | true  | INTERVENTION",
      "Task_CloseCase                                      | OPEN        | -            | true  | CLOSURE",
      "Task_ApproveClosure                                 | HANDED_OVER | assistance   | true  | CLOSURE",
      "Task_CloseAssistedCase                              | HANDED_OVER | intervention | true  | CLOSURE",
      "Timer_ReturnVisitDue                                | CLOSED      | assistance   | true  | CLOSURE",
      "Task_ReturnVisit                                    | CLOSED      | assistance   | true  | CLOSURE",
      "Task_RecordReturnVisit                              | CLOSED      | intervention | true  | CLOSURE",
      "-                                                   | CLOSED      | assistance   | true  | CLOSURE",
      "-                                                   | OPEN        | -            | false | TRIAGE",
      "-                                                   | OPEN        | -            | true  | ASSESSMENT",
      "-                                                   | HANDED_OVER | assistance   | true  | ASSISTANCE",
      "-                                                   | HANDED_OVER | intervention | true  | INTERVENTION"})
  void openCaseStandsAtTheStageOfItsActiveActivity(String activities, String status,
      String nextStep, boolean triaged, Stage expected) {
    List<String> acts = activities == null ? List.of() : List.of(activities.trim().split("\\s+"));
    assertThat(Dashboard.stageOf(acts, status, nextStep, triaged)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "monitoring:3:abc                | Task_HomeVisit          | visits",
      "monitoring:3:abc                | Task_RecordVisit        | other",
      "guardianship-case:1:x           | Task_TriageReport       | triage",
      "guardianship-case:1:x           | Task_ApproveClosure     | other",
      "referral:2:y                    | Task_FollowUpReferral   | referrals",
      "referral:2:y                    | Task_ConfirmReferralDone | referrals",
      "guardianship-intervention:4:z   | Task_CheckCompliance    | orders",
      "guardianship-intervention:4:z   | Task_ChooseMeasure      | orders",
      "child-file-review:1:r           | Task_ReviewFile         | other",
      "risk-assessment:1:q             | Task_TriageReport       | other"})
  void anOverdueTaskCountsInTheKindOfItsProcessAndTask(String definitionId, String taskKey,
      String kind) {
    assertThat(Dashboard.overdueKindOf(definitionId, taskKey)).isEqualTo(kind);
  }
}
