package org.partnershippathways.platform;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.partnershippathways.PartnershipPathwaysApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Wrong settings stop the application before anything starts, with a message that names the setting. */
class StartupChecksTest {

  private static void start(String profile, String... arguments) {
    new SpringApplicationBuilder(PartnershipPathwaysApplication.class)
        .web(WebApplicationType.NONE)
        .profiles(profile)
        .run(arguments);
  }

  @Test
  void postgresWithoutADatabaseUrl() {
    assertThatThrownBy(() -> start("postgres", "--pathways.security.admin-password=a-long-enough-password"))
        .isInstanceOf(StartupSettingException.class)
        .hasMessageContaining("PATHWAYS_DB_URL is missing");
  }

  @Test
  void anUnreachableDatabase() {
    assertThatThrownBy(() -> start("default", "--pathways.security.admin-password=a-long-enough-password",
        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:9/pathways", "--spring.datasource.username=nobody"))
        .isInstanceOf(StartupSettingException.class)
        .hasMessageContaining("Cannot connect to the database jdbc:postgresql://127.0.0.1:9/pathways as 'nobody'");
  }

  @Test
  void noAdministratorPasswordOutsideDemoMode() {
    assertThatThrownBy(() -> start("default", "--pathways.security.admin-password=",
        "--spring.datasource.url=jdbc:h2:mem:startup-check"))
        .isInstanceOf(StartupSettingException.class)
        .hasMessageContaining("administrator password is missing");
  }
}
