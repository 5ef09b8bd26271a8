package org.partnershippathways.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml as Compose reads it (YAML merge keys are shallow: a node that gives its own environment loses
 * the shared one). The machines that build this project run no Docker engine, so this is where the file is checked.
 */
class DockerComposeTest {

  @Test
  void bothNodesRunTheSameConfigurationButOnlyNodeAMakesTheDemo() throws IOException {
    Map<String, Object> services = section(compose(), "services");
    Map<String, Object> nodeA = environment(services, "node-a");
    Map<String, Object> nodeB = environment(services, "node-b");

    assertThat(nodeB).containsEntry("PATHWAYS_DEMO", "false");
    Map<String, Object> sharedA = new HashMap<>(nodeA);
    Map<String, Object> sharedB = new HashMap<>(nodeB);
    for (String demoOnly : new String[] {"PATHWAYS_DEMO", "PATHWAYS_DEMO_PASSWORD"}) {
      sharedA.remove(demoOnly);
      sharedB.remove(demoOnly);
    }
    // a partner's reply may reach either node behind the load balancer: both need the partner systems' keys
    assertThat(sharedB).isEqualTo(sharedA).containsKeys("PATHWAYS_POLICE_SYSTEM_KEY_SHA256",
        "PATHWAYS_HEALTH_SYSTEM_KEY_SHA256", "PATHWAYS_SOCIAL_CARE_SYSTEM_KEY_SHA256",
        "PATHWAYS_VOLUNTARY_SYSTEM_KEY_SHA256", "PATHWAYS_DB_URL", "PATHWAYS_ADMIN_PASSWORD");
  }

  @Test
  void secretsComeFromTheEnvironment() throws IOException {
    Map<String, Object> services = section(compose(), "services");
    for (String node : new String[] {"node-a", "node-b"}) {
      assertThat(environment(services, node)).allSatisfy((name, value) -> {
        if (name.endsWith("PASSWORD") || name.endsWith("KEY_SHA256")) {
          assertThat(String.valueOf(value)).as(node + " " + name).startsWith("${");
        }
      });
    }
  }

  private static Map<String, Object> compose() throws IOException {
    try (Reader file = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
      return new Yaml().load(file);
    }
  }

  private static Map<String, Object> environment(Map<String, Object> services, String node) {
    return section(section(services, node), "environment");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> parent, String name) {
    assertThat(parent).containsKey(name);
    return (Map<String, Object>) parent.get(name);
  }
}
