package org.partnershippathways.testsupport;

import java.util.Map;
import java.util.UUID;
import org.partnershippathways.security.Agency;
import org.partnershippathways.security.PartnerApiKeys;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Partner systems' keys for integration tests: a new key per test, its digest accepted by the application. */
public final class PartnerKeysForTests {

  private PartnerKeysForTests() {
  }

  /** A new key of the agency's system, accepted by the application from now on. */
  public static String newKey(PartnerApiKeys keys, Agency agency) {
    String key = "test-" + agency.groupId() + "-" + UUID.randomUUID() + UUID.randomUUID();
    keys.accept(agency, PartnerApiKeys.sha256Hex(key));
    return key;
  }

  /** A JSON request body sent with the key. */
  public static HttpEntity<Object> withKey(String key, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(PartnerApiKeys.HEADER, key);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  /** The keys of every agency's system. */
  public static Map<Agency, String> newKeys(PartnerApiKeys keys) {
    Map<Agency, String> all = new java.util.EnumMap<>(Agency.class);
    for (Agency agency : Agency.values()) {
      all.put(agency, newKey(keys, agency));
    }
    return all;
  }
}
