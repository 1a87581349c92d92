package org.guardian.reporting;

import java.time.Instant;

/**
 * A case has been assessed and goes on to assistance or guardianship intervention (part 2 of the
 * chain). {@code riskColour} is red, yellow, blue or green; {@code nextStep} is intervention or
 * assistance. The case stays open while {@code guardianship-case} runs the call activities {@code
 * guardianship-intervention} and {@code assistance}, until the station chief approves its closure.
 */
public record CaseHandedOver(String caseNumber, Long childId, String villageCode,
    String riskColour, String nextStep, Instant at) {}
