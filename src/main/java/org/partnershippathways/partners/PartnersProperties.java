package org.partnershippathways.partners;

import java.time.Duration;
import org.partnershippathways.security.Agency;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code pathways.partners.<agency>.*}: where each agency's system is and how we sign in to it. */
@ConfigurationProperties("pathways.partners")
public record PartnersProperties(Endpoint police, Endpoint health, Endpoint socialCare, Endpoint voluntary) {

  public PartnersProperties {
    police = police == null ? Endpoint.NONE : police;
    health = health == null ? Endpoint.NONE : health;
    socialCare = socialCare == null ? Endpoint.NONE : socialCare;
    voluntary = voluntary == null ? Endpoint.NONE : voluntary;
  }

  public Endpoint of(Agency agency) {
    return switch (agency) {
      case POLICE -> police;
      case HEALTH -> health;
      case SOCIAL_CARE -> socialCare;
      case VOLUNTARY -> voluntary;
    };
  }

  /**
   * @param baseUrl the partner system's base URL; blank means not configured (requests fail and retry, then raise an
   *     incident)
   * @param auth how we authenticate
   */
  public record Endpoint(String baseUrl, Auth auth, Duration connectTimeout, Duration readTimeout) {

    static final Endpoint NONE = new Endpoint(null, null, null, null);

    public Endpoint {
      auth = auth == null ? Auth.NONE : auth;
      connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
      readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
    }

    public boolean configured() {
      return baseUrl != null && !baseUrl.isBlank();
    }
  }

  /**
   * @param type {@code none}, {@code api-key} (header {@code apiKeyHeader} with {@code apiKey}) or
   *     {@code client-credentials} (OAuth2: token from {@code tokenUri} with {@code clientId}/{@code clientSecret})
   */
  public record Auth(AuthType type, String apiKeyHeader, String apiKey, String tokenUri, String clientId,
      String clientSecret, String scope) {

    static final Auth NONE = new Auth(AuthType.NONE, null, null, null, null, null, null);

    public Auth {
      type = type == null ? AuthType.NONE : type;
      apiKeyHeader = apiKeyHeader == null || apiKeyHeader.isBlank() ? "X-API-Key" : apiKeyHeader;
    }
  }

  public enum AuthType {
    NONE,
    API_KEY,
    CLIENT_CREDENTIALS
  }
}
