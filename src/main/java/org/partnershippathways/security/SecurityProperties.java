package org.partnershippathways.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Who administers the application; passwords come from the environment, never from the repository. */
@ConfigurationProperties("pathways.security")
public record SecurityProperties(String adminUser, String adminPassword) {
}
