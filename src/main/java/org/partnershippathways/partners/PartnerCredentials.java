package org.partnershippathways.partners;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The header an adapter adds to authenticate: an API key, or a bearer token fetched with the OAuth2 client
 * credentials grant and kept until shortly before it expires.
 */
public class PartnerCredentials {

  private record TokenResponse(@JsonProperty("access_token") String accessToken,
      @JsonProperty("expires_in") Long expiresIn) {
  }

  private final PartnersProperties.Auth auth;
  private final RestClient tokenClient;
  private final Clock clock;
  private String token;
  private Instant tokenExpires = Instant.MIN;

  public PartnerCredentials(PartnersProperties.Auth auth, RestClient tokenClient, Clock clock) {
    this.auth = auth;
    this.tokenClient = tokenClient;
    this.clock = clock;
  }

  /** Adds the authentication header (name, value) if any. */
  public void apply(BiConsumer<String, String> header) {
    switch (auth.type()) {
      case API_KEY -> header.accept(auth.apiKeyHeader(), auth.apiKey());
      case CLIENT_CREDENTIALS -> header.accept("Authorization", "Bearer " + token());
      case NONE -> {
      }
    }
  }

  private synchronized String token() {
    if (token != null && clock.instant().isBefore(tokenExpires)) {
      return token;
    }
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("grant_type", "client_credentials");
    form.add("client_id", auth.clientId());
    form.add("client_secret", auth.clientSecret());
    if (auth.scope() != null && !auth.scope().isBlank()) {
      form.add("scope", auth.scope());
    }
    try {
      TokenResponse response = tokenClient.post().uri(auth.tokenUri())
          .contentType(MediaType.APPLICATION_FORM_URLENCODED)
          .body(form)
          .retrieve()
          .body(TokenResponse.class);
      if (response == null || response.accessToken() == null) {
        throw new PartnerUnavailableException("The token endpoint " + auth.tokenUri() + " returned no token", null);
      }
      token = response.accessToken();
      long lifetime = response.expiresIn() == null ? 300 : response.expiresIn();
      tokenExpires = clock.instant().plusSeconds(Math.max(0, lifetime - 30));
      return token;
    } catch (RestClientException e) {
      // any fault of the token endpoint, a refusal included, is retried: our credentials are wrong, not the
      // request, so it ends as an incident for the administrator rather than a rejection for the coordinator
      throw new PartnerUnavailableException("Could not get a token from " + auth.tokenUri() + ": " + e.getMessage(), e);
    }
  }
}
