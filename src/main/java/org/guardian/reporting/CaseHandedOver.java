package org.guardian.reporting;

import java.time.Instant;

/**
 * A case has been assessed and goes on to assistance or guardianship intervention (part 2 of the
 * chain). {@code riskColour} is red, yellow, blue or green; {@code nextStep} is intervention or
 * assistance. The case stays open, waiting at {@code Event_AwaitCaseClosure} of {@code
 * guardianship-case}, until part 2 closes it with the message {@code Msg_CaseClosed}.
 */
public record CaseHandedOver(String caseNumber, Long childId, String villageCode,
    String riskColour, String nextStep, Instant at) {}
