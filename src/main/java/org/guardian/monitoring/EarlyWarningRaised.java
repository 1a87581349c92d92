package org.guardian.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * The early warning flagged a child (score high over consecutive visits, rising, a sharp jump, or an
 * urgent item): published by monitoring, consumed by reporting, which raises a mandatory report for
 * the child. {@code reasons} are the codes of the rules of the {@code early-warning} decision that
 * fired (no personal data); {@code warningId} identifies the stored warning in the child's file.
 */
public record EarlyWarningRaised(long warningId, long childId, String villageCode,
    List<String> reasons, Instant at) {}
