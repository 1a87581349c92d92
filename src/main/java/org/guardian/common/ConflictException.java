package org.guardian.common;

/** The request conflicts with the current state (duplicate, stale version); answered with 409. */
public class ConflictException extends RuntimeException {

  private final String field;

  public ConflictException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
