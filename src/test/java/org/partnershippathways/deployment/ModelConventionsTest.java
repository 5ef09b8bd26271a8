package org.partnershippathways.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;

/**
 * BPMN is code: the files in processes/ and forms/ follow the conventions of docs/architecture.md, so that they
 * open in Camunda Modeler with their diagrams, deploy unchanged, and read well. The rules are the deployment gate's
 * ({@link ModelConventions}, {@link DecisionContracts}), so a model that passes here passes the gate's conventions;
 * the gate also checks the beans and expressions against the running application (DeploymentGateIT).
 */
class ModelConventionsTest {

  /** The groups the application creates at start (security.IdentitySetup). */
  static final Set<String> GROUPS = Set.of("coordinators", "managers", "process-owners", "police", "health",
      "social-care", "voluntary", "police-managers", "health-managers", "social-care-managers", "voluntary-managers",
      "out-of-hours-duty");

  static final Surroundings SHIPPED = new Surroundings() {
    @Override
    public boolean groupExists(String groupId) {
      return GROUPS.contains(groupId);
    }

    @Override
    public boolean formDeployed(String formId) {
      return false;
    }

    @Override
    public Optional<Class<?>> beanType(String beanName) {
      return Optional.empty();
    }
  };

  static List<ModelFile> shippedModels() throws IOException {
    return modelsIn(Path.of("processes"), Path.of("forms"));
  }

  private static List<ModelFile> modelsIn(Path... folders) throws IOException {
    List<ModelFile> files = new ArrayList<>();
    for (Path folder : folders) {
      try (Stream<Path> paths = Files.walk(folder)) {
        for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
          files.add(new ModelFile(folder.relativize(path).toString(), Files.readAllBytes(path)));
        }
      }
    }
    return files;
  }

  @Test
  void theShippedModelsFollowTheConventions() throws IOException {
    assertThat(ModelConventions.check(shippedModels(), SHIPPED)).isEmpty();
  }

  /** The integration tests' application deploys these with the shipped models, through the gate. */
  @Test
  void theIntegrationTestsModelsFollowThemToo() throws IOException {
    assertThat(ModelConventions.check(modelsIn(Path.of("src/test/resources/processes"),
        Path.of("src/test/resources/forms")), SHIPPED)).isEmpty();
  }

  @Test
  void theShippedDecisionsCompileAndGiveWhatTheProcessesRead() throws IOException {
    assertThat(DecisionContracts.check(shippedModels(),
        DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine())).isEmpty();
  }

  @Test
  void aCallActivityThatStartsTheLatestVersionIsRefused() throws IOException {
    List<ModelFile> models = new ArrayList<>();
    for (ModelFile model : shippedModels()) {
      models.add(!model.name().equals("early-intervention-pathway.bpmn") ? model : new ModelFile(model.name(),
          new String(model.content(), java.nio.charset.StandardCharsets.UTF_8)
              .replace("camunda:calledElementBinding=\"deployment\" calledElement=\"consent-check\"",
                  "calledElement=\"consent-check\"").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    assertThat(ModelConventions.check(models, SHIPPED)).singleElement().satisfies(rule -> {
      assertThat(rule.elementId()).isEqualTo("CallActivity_ConsentCheck");
      assertThat(rule.words()).contains("the process of its own deployment (binding: deployment)");
    });
  }

  @Test
  void aFormIsNamedAfterItsTask() {
    assertThat(ModelConventions.namedAfterItsTask("confirm-triage", "Task_ConfirmTriage")).isTrue();
    assertThat(ModelConventions.namedAfterItsTask("escalated-action", "Task_EscalatedActionAgencyManager")).isTrue();
    assertThat(ModelConventions.namedAfterItsTask("review-case", "Task_ConfirmTriage")).isFalse();
    assertThat(ModelConventions.namedAfterItsTask("triage-confirm", "Task_ConfirmTriage")).isFalse();
  }
}
