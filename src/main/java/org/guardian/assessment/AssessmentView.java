package org.guardian.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** An assessment as shown in the child's file, with the decision that made it. */
record AssessmentView(long id, String caseNumber, Instant assessedAt, String status,
    JsonNode indicators, String computedColour, String riskReason, String colour,
    boolean overridden, String overrideReason, String confirmedBy, Instant confirmedAt,
    String nextStep, int reassessWithinDays, Integer visitEveryDays, Decision decision,
    Decision overrideDecision) {

  /** The decision (DMN) that gave a colour's outcome: key, definition id, version, instance. */
  record Decision(String key, String definitionId, Integer version, String instanceId) {}
}
