package org.partnershippathways.platform;

/** The request is valid but does not fit the state of the case; answered with 409. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
