package org.partnershippathways.security;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who administers the application, and the digests of the partner systems' keys (agency group id to one or more
 * SHA-256 digests, comma separated); secrets come from the environment, never from the repository.
 */
@ConfigurationProperties("pathways.security")
public record SecurityProperties(String adminUser, String adminPassword, Map<String, String> partnerKeys) {

  public SecurityProperties {
    partnerKeys = partnerKeys == null ? Map.of() : partnerKeys;
  }
}
