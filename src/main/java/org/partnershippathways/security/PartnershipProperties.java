package org.partnershippathways.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The partnerships created at start (each a Camunda tenant), the first of which holds every case of a database from
 * before partnerships. More are added in Admin (Tenants) or here; see the README, "Adding a partnership".
 */
@ConfigurationProperties("pathways")
public record PartnershipProperties(List<Partnership> partnerships) {

  public record Partnership(String id, String name) {
  }

  public PartnershipProperties {
    partnerships = partnerships == null || partnerships.isEmpty()
        ? List.of(new Partnership("our-partnership", "Our partnership")) : List.copyOf(partnerships);
  }
}
