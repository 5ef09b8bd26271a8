package org.partnershippathways.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.partnershippathways.platform.StartupSettingException;
import org.springframework.stereotype.Component;

/**
 * The keys with which partner systems sign in ({@value #HEADER} header), each for one agency's system
 * ({@code police-system}, ...). Only their SHA-256 digests are known here, from the environment
 * ({@code PATHWAYS_POLICE_SYSTEM_KEY_SHA256}, ...: one digest, or several separated by commas while a key is
 * rotated). A key cannot be locked by anyone's wrong passwords, and is long enough that guessing it is hopeless.
 */
@Component
public class PartnerApiKeys {

  public static final String HEADER = "X-API-Key";
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

  private final Map<String, Agency> agencyByDigest = new ConcurrentHashMap<>();

  PartnerApiKeys(SecurityProperties security) {
    security.partnerKeys().forEach((agencyId, digests) -> {
      Agency agency = Agency.ofGroupId(agencyId).orElseThrow(() -> new StartupSettingException(
          "pathways.security.partner-keys." + agencyId + " names no agency",
          "Use police, health, social-care or voluntary."));
      for (String digest : digests.split(",")) {
        if (!digest.isBlank()) {
          accept(agency, digest.trim(), environmentVariable(agency));
        }
      }
    });
  }

  /** The partner system that the key signs in, if it is one of the configured keys. */
  public Optional<Agency> agencyOf(String key) {
    return key == null || key.isBlank() ? Optional.empty() : Optional.ofNullable(agencyByDigest.get(sha256Hex(key)));
  }

  /** Accepts one more key for the agency's system, given as its SHA-256 digest (the demo's generated keys). */
  public void accept(Agency agency, String sha256Hex) {
    accept(agency, sha256Hex, "a partner key");
  }

  private void accept(Agency agency, String sha256Hex, String source) {
    if (!SHA256_HEX.matcher(sha256Hex).matches()) {
      throw new StartupSettingException(source + " is not a SHA-256 digest (64 hexadecimal digits)",
          "Set it to the digest of the key, not the key: printf %s \"$KEY\" | sha256sum");
    }
    Agency earlier = agencyByDigest.putIfAbsent(sha256Hex.toLowerCase(Locale.ROOT), agency);
    if (earlier != null && earlier != agency) {
      throw new StartupSettingException("The same partner key is configured for " + earlier.groupId() + " and "
          + agency.groupId(), "Give every partner system a key of its own.");
    }
  }

  /** The user id with which the agency's system acts ({@code police-system}, ...). */
  public static String systemUserId(Agency agency) {
    return agency.groupId() + "-system";
  }

  /** The environment variable with the digests of the agency's system keys. */
  public static String environmentVariable(Agency agency) {
    return "PATHWAYS_" + agency.name() + "_SYSTEM_KEY_SHA256";
  }

  public static String sha256Hex(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException everyJavaHasIt) {
      throw new IllegalStateException(everyJavaHasIt);
    }
  }
}
