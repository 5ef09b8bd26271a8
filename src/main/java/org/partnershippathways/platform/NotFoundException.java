package org.partnershippathways.platform;

/** What the request names does not exist, or the caller may not know that it exists; answered with 404. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
