package org.guardian.common;

/** One bad field of a request: its path (for example {@code guardians[0].phone}) and why. */
public record FieldProblem(String field, String message) {}
