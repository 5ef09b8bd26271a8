package org.partnershippathways.partners;

/** The case has no recorded consent or lawful basis that allows this request: nothing was sent. */
class SharingNotPermittedException extends RuntimeException {

  public SharingNotPermittedException(String message) {
    super(message);
  }
}
