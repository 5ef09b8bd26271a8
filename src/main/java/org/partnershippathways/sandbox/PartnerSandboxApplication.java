package org.partnershippathways.sandbox;

import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The partner sandbox: pretend police, NHS (FHIR R4), social care and voluntary-sector systems in an application
 * of their own (port 8081 by default), without the engine, the database or Liquibase. Settings come from
 * {@code partner-sandbox.yaml}, not from the pathway application's {@code application.yaml}.
 *
 * <p>Standalone: {@code java -cp target/partnership-pathways-*.jar -Dloader.main=...PartnerSandboxApplication
 * org.springframework.boot.loader.launch.PropertiesLauncher} or
 * {@code mvn spring-boot:run -Dspring-boot.run.main-class=org.partnershippathways.sandbox.PartnerSandboxApplication}.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = PartnerSandboxApplication.class)
@EnableConfigurationProperties(SandboxProperties.class)
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, JacksonAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
public class PartnerSandboxApplication {

  public static void main(String[] args) {
    start(args);
  }

  /** Starts the sandbox; command-line style arguments override {@code partner-sandbox.yaml}. */
  public static ConfigurableApplicationContext start(String... args) {
    return new SpringApplicationBuilder(PartnerSandboxApplication.class)
        .main(PartnerSandboxApplication.class)
        .web(WebApplicationType.SERVLET)
        .properties(Map.of(
            "spring.config.name", "partner-sandbox",
            // the pathway application's start-up checks do not apply: no database, no users here
            "pathways.database-check.enabled", "false",
            "pathways.security.password-policy.enabled", "false",
            "spring.main.banner-mode", "off"))
        .run(args);
  }

}
