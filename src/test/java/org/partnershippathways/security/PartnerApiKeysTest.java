package org.partnershippathways.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnershippathways.platform.StartupSettingException;

class PartnerApiKeysTest {

  static final String OLD_KEY = "old-police-key-0123456789abcdefghijklmnopqrstuvwxyz";
  static final String NEW_KEY = "new-police-key-0123456789abcdefghijklmnopqrstuvwxyz";

  @Test
  void bothKeysSignInWhileTheKeyIsRotatedAndNothingElseDoes() {
    PartnerApiKeys keys = keys(Map.of("police", PartnerApiKeys.sha256Hex(NEW_KEY) + ", "
        + PartnerApiKeys.sha256Hex(OLD_KEY).toUpperCase(), "health", ""));
    assertThat(keys.agencyOf(NEW_KEY)).contains(Agency.POLICE);
    assertThat(keys.agencyOf(OLD_KEY)).contains(Agency.POLICE);
    assertThat(keys.agencyOf(PartnerApiKeys.sha256Hex(NEW_KEY))).as("the digest is no key").isEmpty();
    assertThat(keys.agencyOf("")).isEmpty();
    assertThat(keys.agencyOf(null)).isEmpty();
  }

  @Test
  void aKeyInsteadOfItsDigestStopsTheStartNamingTheSetting() {
    assertThatThrownBy(() -> keys(Map.of("police", NEW_KEY)))
        .isInstanceOf(StartupSettingException.class)
        .hasMessageContaining("PATHWAYS_POLICE_SYSTEM_KEY_SHA256");
    assertThatThrownBy(() -> keys(Map.of("army", PartnerApiKeys.sha256Hex(NEW_KEY))))
        .isInstanceOf(StartupSettingException.class).hasMessageContaining("army");
  }

  @Test
  void oneKeyServesOneAgencyOnly() {
    String digest = PartnerApiKeys.sha256Hex(NEW_KEY);
    assertThatThrownBy(() -> keys(Map.of("police", digest, "health", digest)))
        .isInstanceOf(StartupSettingException.class).hasMessageContaining("same partner key");
  }

  @Test
  void theDigestIsSha256InHex() {
    assertThat(PartnerApiKeys.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  private static PartnerApiKeys keys(Map<String, String> digests) {
    return new PartnerApiKeys(new SecurityProperties("admin", null, digests));
  }
}
