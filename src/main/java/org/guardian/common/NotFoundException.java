package org.guardian.common;

/**
 * The resource does not exist, or lies outside the caller's area (answered the same way so that a
 * caller cannot probe for children of other areas).
 */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what) {
    super(what);
  }
}
