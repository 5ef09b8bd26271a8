package org.partnershippathways.security;

import java.util.Locale;
import java.util.Set;
import org.partnershippathways.platform.StartupSettingException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Outside demo mode the application refuses to start with no administrator password, or one that is short or
 * well known. In demo mode a missing password is generated at start (see {@link IdentitySetup}).
 */
class AdminPasswordPolicy implements EnvironmentPostProcessor {

  static final int MINIMUM_LENGTH = 12;
  private static final Set<String> WELL_KNOWN = Set.of("admin", "administrator", "password", "password1",
      "passw0rd", "demo", "camunda", "changeme", "change-me", "secret", "letmein", "welcome", "qwerty",
      "123456", "12345678", "123456789", "1234567890", "default", "pathways", "test");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.getProperty("pathways.security.password-policy.enabled", Boolean.class, true)
        || environment.getProperty("pathways.demo.enabled", Boolean.class, false)) {
      return;
    }
    String password = environment.getProperty("pathways.security.admin-password", "");
    String problem = problemWith(password);
    if (problem != null) {
      throw new StartupSettingException("The administrator password " + problem + ".",
          "Set PATHWAYS_ADMIN_PASSWORD to a password of at least " + MINIMUM_LENGTH
              + " characters that is not a well-known one (or start in demo mode with PATHWAYS_DEMO=true).");
    }
  }

  static String problemWith(String password) {
    if (password == null || password.isBlank()) {
      return "is missing (PATHWAYS_ADMIN_PASSWORD is not set)";
    }
    if (WELL_KNOWN.contains(password.toLowerCase(Locale.ROOT))) {
      return "is a well-known password";
    }
    if (password.length() < MINIMUM_LENGTH) {
      return "is shorter than " + MINIMUM_LENGTH + " characters";
    }
    return null;
  }
}
