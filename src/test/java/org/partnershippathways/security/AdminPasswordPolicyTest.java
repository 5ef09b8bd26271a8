package org.partnershippathways.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdminPasswordPolicyTest {

  @Test
  void refusesMissingShortAndWellKnownPasswords() {
    assertThat(AdminPasswordPolicy.problemWith(null)).contains("missing");
    assertThat(AdminPasswordPolicy.problemWith(" ")).contains("missing");
    assertThat(AdminPasswordPolicy.problemWith("Camunda")).contains("well-known");
    assertThat(AdminPasswordPolicy.problemWith("short-1")).contains("shorter");
  }

  @Test
  void acceptsALongUncommonPassword() {
    assertThat(AdminPasswordPolicy.problemWith("correct-horse-battery-staple")).isNull();
  }
}
