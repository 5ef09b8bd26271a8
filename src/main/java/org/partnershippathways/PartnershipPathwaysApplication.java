package org.partnershippathways;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The pathway application. Its component scan leaves out the demo and the partner sandbox: the demo profile starts
 * them ({@code demo.DemoConfiguration}), tests start the sandbox on its own.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = {
    @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
    @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
    @ComponentScan.Filter(type = FilterType.REGEX, pattern = PartnershipPathwaysApplication.NOT_PRODUCTION)})
@ConfigurationPropertiesScan(basePackages = {"org.partnershippathways.accesslog", "org.partnershippathways.actions",
    "org.partnershippathways.calendar", "org.partnershippathways.cases", "org.partnershippathways.consent",
    "org.partnershippathways.dataprotection", "org.partnershippathways.intake", "org.partnershippathways.meeting",
    "org.partnershippathways.notifications", "org.partnershippathways.partners", "org.partnershippathways.partnerships", "org.partnershippathways.platform",
    "org.partnershippathways.review", "org.partnershippathways.security", "org.partnershippathways.sharing",
    "org.partnershippathways.timings", "org.partnershippathways.triage"})
@EnableScheduling
public class PartnershipPathwaysApplication {

  /** The packages that are not part of the production application. */
  static final String NOT_PRODUCTION = "org\\.partnershippathways\\.(demo|sandbox)\\..*";

  public static void main(String[] args) {
    SpringApplication.run(PartnershipPathwaysApplication.class, args);
  }
}
