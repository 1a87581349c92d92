package org.guardian.reporting;

/** How a report reached Guardian. */
enum ReportChannel {
  /** {@code POST /api/reports}: a signed-in mandatory reporter or caseworker. */
  REPORTER_API("责任人报告"),
  /** The public page {@code /report}: anyone, anonymous allowed. */
  PUBLIC_PAGE("公众报告"),
  /** The monitoring early warning flagged the child. */
  EARLY_WARNING("监测预警"),
  /** Police: a detained parent leaves children without care. */
  POLICE_DETENTION("公安羁押告知"),
  /** A return visit (事后回访) after a case was closed found renewed risk. */
  RETURN_VISIT("事后回访");

  private final String label;

  ReportChannel(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
