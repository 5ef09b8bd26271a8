package org.partnershippathways.testsupport;

import org.partnershippathways.sandbox.PartnerSandboxApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The partner sandbox on a random port, without replies of its own, and the adapters pointed at it. */
public final class SandboxForTests {

  private SandboxForTests() {
  }

  public static ConfigurableApplicationContext start() {
    return PartnerSandboxApplication.start("--server.port=0", "--pathways.sandbox.replies=false");
  }

  public static void pointAdaptersAt(ConfigurableApplicationContext sandbox, DynamicPropertyRegistry registry) {
    String base = "http://localhost:" + sandbox.getEnvironment().getProperty("local.server.port");
    registry.add("pathways.partners.police.base-url", () -> base + "/police");
    registry.add("pathways.partners.health.base-url", () -> base + "/fhir");
    registry.add("pathways.partners.social-care.base-url", () -> base + "/social-care");
    registry.add("pathways.partners.voluntary.base-url", () -> base + "/voluntary");
  }
}
