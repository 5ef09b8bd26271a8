package org.partnershippathways.demo;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.partnershippathways.sandbox.PartnerSandboxApplication;
import org.partnershippathways.security.Agency;
import org.partnershippathways.security.PartnerApiKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;

/**
 * In demo mode ({@code pathways.sandbox.embedded=true}, set by the demo profile) the partner sandbox starts with the
 * application, as an application context of its own on {@code pathways.sandbox.port} (8081), once the application
 * is ready to take the partners' replies. The demo adapters point at it (application-demo.yaml); its pretend
 * partners reply with keys of their own.
 */
class PartnerSandboxLauncher implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(PartnerSandboxLauncher.class);

  private final Environment environment;
  private final PartnerApiKeys partnerKeys;
  private final CountDownLatch settled = new CountDownLatch(1);
  private ConfigurableApplicationContext sandbox;

  PartnerSandboxLauncher(Environment environment, PartnerApiKeys partnerKeys) {
    this.environment = environment;
    this.partnerKeys = partnerKeys;
  }

  @Override
  public synchronized void onApplicationEvent(ApplicationReadyEvent event) {
    try {
      start();
    } finally {
      settled.countDown();
    }
  }

  /** Waits until the sandbox has started or failed to, so that the demo cases do not meet partners still starting. */
  boolean awaitStarted(Duration patience) throws InterruptedException {
    return settled.await(patience.toMillis(), TimeUnit.MILLISECONDS) && sandbox != null;
  }

  private void start() {
    if (sandbox != null) {
      return;
    }
    String port = environment.getProperty("pathways.sandbox.port", "8081");
    List<String> args = new ArrayList<>(List.of("--server.port=" + port,
        "--pathways.sandbox.engine-url=http://localhost:" + environment.getProperty("local.server.port", "8080")));
    for (Agency agency : Agency.values()) {
      args.add("--pathways.sandbox.keys[" + agency.groupId() + "]=" + partnerKey(agency));
    }
    String configured = firstNonBlank(environment.getProperty("PATHWAYS_SANDBOX_PASSWORD"),
        environment.getProperty("pathways.demo.password"));
    String password = configured != null ? configured : randomText(24);
    args.add("--pathways.sandbox.password=" + password);
    try {
      sandbox = PartnerSandboxApplication.start(args.toArray(String[]::new));
      LOG.info("Partner sandbox started: http://localhost:{}/sandbox/ (user sandbox, {})", port,
          configured != null ? "PATHWAYS_SANDBOX_PASSWORD, else the demo password" : "password " + password);
    } catch (RuntimeException e) {
      // the pathway application works without it; requests to partners retry until the sandbox is there
      // Spring's own message ("Failed to start bean 'webServerStartStop'") hides the reason, e.g. a port in use
      LOG.error("The partner sandbox could not start on port {}: {}", port,
          NestedExceptionUtils.getMostSpecificCause(e).getMessage());
    }
  }

  /**
   * The key with which the pretend agency replies (PATHWAYS_SANDBOX_POLICE_KEY etc., else generated now); the
   * application accepts its digest from now on, as it would from PATHWAYS_POLICE_SYSTEM_KEY_SHA256.
   */
  private String partnerKey(Agency agency) {
    String key = firstNonBlank(environment.getProperty("PATHWAYS_SANDBOX_" + agency.name() + "_KEY"));
    if (key == null) {
      key = randomText(43);
    }
    partnerKeys.accept(agency, PartnerApiKeys.sha256Hex(key));
    return key;
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  private static String randomText(int length) {
    SecureRandom random = new SecureRandom();
    StringBuilder text = new StringBuilder();
    String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  @Override
  public synchronized void destroy() {
    if (sandbox != null) {
      sandbox.close();
    }
  }
}
