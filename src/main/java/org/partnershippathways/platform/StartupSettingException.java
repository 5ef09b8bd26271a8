package org.partnershippathways.platform;

/** A setting the application cannot start without is missing or wrong; the message says which and how to fix it. */
public class StartupSettingException extends RuntimeException {

  private final String action;

  public StartupSettingException(String description, String action) {
    super(description);
    this.action = action;
  }

  public String action() {
    return action;
  }
}
