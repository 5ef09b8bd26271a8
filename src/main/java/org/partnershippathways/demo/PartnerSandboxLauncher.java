package org.partnershippathways.demo;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.partnershippathways.sandbox.PartnerSandboxApplication;
import org.partnershippathways.security.Agency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * In demo mode ({@code pathways.sandbox.embedded=true}, set by the demo profile) the partner sandbox starts with the
 * application, as an application context of its own on {@code pathways.sandbox.port} (8081), once the application
 * is ready to take the partners' replies. The demo adapters point at it (application-demo.yaml).
 */
class PartnerSandboxLauncher implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(PartnerSandboxLauncher.class);

  private final Environment environment;
  private final IdentityService identityService;
  private ConfigurableApplicationContext sandbox;

  PartnerSandboxLauncher(Environment environment, IdentityService identityService) {
    this.environment = environment;
    this.identityService = identityService;
  }

  @Override
  public synchronized void onApplicationEvent(ApplicationReadyEvent event) {
    if (sandbox != null) {
      return;
    }
    String port = environment.getProperty("pathways.sandbox.port", "8081");
    List<String> args = new ArrayList<>(List.of("--server.port=" + port,
        "--pathways.sandbox.engine-url=http://localhost:" + environment.getProperty("local.server.port", "8080")));
    String password = sandboxPassword();
    if (password != null) {
      args.add("--pathways.sandbox.password=" + password);
    }
    try {
      sandbox = PartnerSandboxApplication.start(args.toArray(String[]::new));
      LOG.info("Partner sandbox started: http://localhost:{}/sandbox/", port);
    } catch (RuntimeException e) {
      // the pathway application works without it; requests to partners retry until the sandbox is there
      LOG.error("The partner sandbox could not start on port {}: {}", port, e.getMessage());
    }
  }

  /**
   * The system users' password: PATHWAYS_SANDBOX_PASSWORD, else the demo password. When the demo password was
   * generated at start (and so is known only to the log), the system users get a generated password of their own.
   */
  private String sandboxPassword() {
    String configured = firstNonBlank(environment.getProperty("PATHWAYS_SANDBOX_PASSWORD"),
        environment.getProperty("pathways.demo.password"));
    if (configured != null || !environment.getProperty("pathways.demo.enabled", Boolean.class, false)) {
      return configured;
    }
    String generated = generatedPassword();
    for (Agency agency : Agency.values()) {
      User user = identityService.createUserQuery().userId(agency.groupId() + "-system").singleResult();
      if (user != null) {
        user.setPassword(generated);
        identityService.saveUser(user);
      }
    }
    return generated;
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  private static String generatedPassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder();
    String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    for (int i = 0; i < 24; i++) {
      password.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return password.toString();
  }

  @Override
  public synchronized void destroy() {
    if (sandbox != null) {
      sandbox.close();
    }
  }
}
