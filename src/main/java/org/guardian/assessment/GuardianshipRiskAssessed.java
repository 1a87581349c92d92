package org.guardian.assessment;

import java.time.Instant;

/**
 * A guardianship-risk assessment is final (confirmed or changed by the supervisor): the colour
 * (red, yellow, blue, green), the next step (intervention, assistance, monitoring), when to reassess
 * and how often to visit meanwhile ({@code visitEveryDays} null: the monitoring cadence applies).
 * For monitoring and part 2 of the chain. No personal data.
 */
public record GuardianshipRiskAssessed(long assessmentId, long childId, String villageCode,
    String caseNumber, String colour, String nextStep, int reassessWithinDays,
    Integer visitEveryDays, Instant at) {}
