package org.guardian.monitoring;

import java.time.Instant;
import java.util.List;

/** An early warning as the API shows it to a caseworker who may read the child's file. */
record WarningView(long id, Long visitId, Instant raisedAt, List<VisitView.Labelled> reasons,
    Integer currentTotal, Integer previousTotal) {

  static WarningView of(EarlyWarning w) {
    return new WarningView(w.getId(), w.getVisitId(), w.getRaisedAt(),
        w.reasons().stream().map(r -> new VisitView.Labelled(r, WarningReason.labelOf(r)))
            .toList(),
        w.getCurrentTotal(), w.getPreviousTotal());
  }
}
