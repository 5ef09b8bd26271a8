package org.partnershippathways.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/** The settings file means what it says too: a key given twice stops the start instead of one value winning. */
class ApplicationSettingsTest {

  final YamlPropertySourceLoader loader = new YamlPropertySourceLoader();

  @Test
  void theSettingsFileHoldsEveryKeyOnce() throws Exception {
    assertThat(loader.load("application.yaml", new ClassPathResource("application.yaml"))).isNotEmpty();
  }

  @Test
  void aKeyGivenTwiceIsRefused() {
    ByteArrayResource twice = new ByteArrayResource("""
        pathways:
          api:
            max-body-size: 64KB
          api:
            max-body-size: 10MB
        """.getBytes(StandardCharsets.UTF_8), "settings with a key given twice");

    assertThatThrownBy(() -> loader.load("twice", twice)).hasMessageContaining("duplicate key");
  }
}
