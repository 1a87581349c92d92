package org.guardian.common;

/** The caller's role or area does not allow the action; answered with 403. */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}
