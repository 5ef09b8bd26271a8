package org.partnershippathways.platform;

/** The caller is known but may not do this; answered with 403. */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}
