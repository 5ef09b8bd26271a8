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
}
