package org.partnershippathways.demo;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.intake.ConcernIntake;
import org.partnershippathways.security.PartnerApiKeys;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo, outside the production component scan: Spring Boot loads this configuration by itself
 * ({@code META-INF/spring/...AutoConfiguration.imports}), and each part starts only when its setting is on: demo
 * cases with {@code pathways.demo.enabled} (the demo profile, or {@code PATHWAYS_DEMO=true}), the partner sandbox
 * inside the application with {@code pathways.sandbox.embedded} (the demo profile), the demo's mail server and its
 * page {@code /demo/mailbox} with {@code pathways.demo.mailbox.enabled} (the demo profile). No production class refers to
 * this package or to the sandbox (ArchitectureTest).
 */
@AutoConfiguration
public class DemoConfiguration {

  @Bean
  @ConditionalOnProperty(name = "pathways.demo.enabled", havingValue = "true")
  DemoCasesStarter demoCasesStarter(ConcernIntake intake, TaskService tasks, RuntimeService runtime,
      ManagementService management, IdentityService identity, JdbcClient jdbc, WorkingDayCalendar calendar,
      Optional<PartnerSandboxLauncher> sandbox) {
    return new DemoCasesStarter(intake, tasks, runtime, management, identity, jdbc, calendar, sandbox);
  }

  @Bean
  @ConditionalOnProperty(name = "pathways.sandbox.embedded", havingValue = "true")
  PartnerSandboxLauncher partnerSandboxLauncher(Environment environment, PartnerApiKeys partnerKeys) {
    return new PartnerSandboxLauncher(environment, partnerKeys);
  }

  @Bean
  @ConditionalOnProperty(name = "pathways.demo.mailbox.enabled", havingValue = "true")
  DemoMailbox demoMailbox(Environment environment) {
    return new DemoMailbox(environment.getProperty("pathways.demo.mailbox.smtp-port", Integer.class, 2525));
  }

  @Bean
  @ConditionalOnProperty(name = "pathways.demo.mailbox.enabled", havingValue = "true")
  ServletRegistrationBean<MailboxPage> demoMailboxPage(DemoMailbox mailbox, IdentityService identity,
      WorkingDayCalendar calendar) {
    ServletRegistrationBean<MailboxPage> page = new ServletRegistrationBean<>(
        new MailboxPage(mailbox, identity, calendar.zone()), "/demo/mailbox");
    page.setName("demo-mailbox");
    return page;
  }
}
