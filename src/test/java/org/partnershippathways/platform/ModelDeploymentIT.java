package org.partnershippathways.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Models deploy from processes/ and forms/ under their own file names, and only when they changed. */
@PathwaysIntegrationTest
class ModelDeploymentIT {

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired ModelDeployment modelDeployment;

  @Test
  void deploysTheModelsUnderTheirFileNames() {
    String deploymentId = repositoryService.createDeploymentQuery().deploymentName(ModelDeployment.DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc().list().get(0).getId();
    assertThat(repositoryService.getDeploymentResourceNames(deploymentId)).contains("platform-smoke-test.bpmn");
  }

  @Test
  void aRestartWithUnchangedModelsCreatesNoNewVersion() {
    long deployments = repositoryService.createDeploymentQuery().count();
    long definitions = repositoryService.createProcessDefinitionQuery().count();

    modelDeployment.postProcessEngineBuild(engine);

    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(definitions);
  }

  @Test
  void aRestartKeepsTheNewerVersionAProcessOwnerDeployed() throws java.io.IOException {
    String changed = java.nio.file.Files.readString(java.nio.file.Path.of("processes/consent-renewal.bpmn"))
        .replace("name=\"Renew the consent or let sharing end\"", "name=\"Renew the consent, or let sharing end\"");
    String ownersDeployment = repositoryService.createDeployment().name("owner-change-" + java.util.UUID.randomUUID())
        .addString("consent-renewal.bpmn", changed)
        .addString("renew-or-close-consent.form",
            java.nio.file.Files.readString(java.nio.file.Path.of("forms/renew-or-close-consent.form")))
        .deploy().getId();
    try {
      modelDeployment.postProcessEngineBuild(engine);

      assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("consent-renewal")
          .latestVersion().singleResult().getDeploymentId()).isEqualTo(ownersDeployment);
    } finally {
      repositoryService.deleteDeployment(ownersDeployment, true);
    }
  }
}
