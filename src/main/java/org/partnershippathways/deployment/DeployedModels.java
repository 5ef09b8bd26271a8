package org.partnershippathways.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.partnershippathways.calendar.UkDates;
import org.springframework.stereotype.Service;

/**
 * The repository (processes/ as the application ships it) against the engine: for each model, the latest
 * deployed version, whether its file differs from the repository's, who deployed it and when (the engine's user
 * operation log; the application's own deployment at start has no user), and the deployed file itself.
 */
@Service
record DeployedModels(RepositoryService repository, HistoryService history, RepositoryModels repositoryModels) {

  record Deployed(String deploymentId, String resourceName, int version, Date deployedAt) {
  }

  List<Map<String, Object>> compare() {
    List<Map<String, Object>> models = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : repositoryModels.files().entrySet()) {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("file", file.getKey());
      String key = RepositoryModels.keyOf(file.getKey(), file.getValue());
      model.put("key", key);
      Optional<Deployed> deployed = latest(file.getKey(), key);
      if (deployed.isEmpty()) {
        model.put("deployed", false);
        model.put("differsFromRepository", true);
      } else {
        Deployed latest = deployed.get();
        model.put("deployed", true);
        model.put("deployedVersion", latest.version());
        model.put("differsFromRepository", !Arrays.equals(file.getValue(), bytes(latest)));
        model.put("deployedAt", UkDates.dayAndTime(latest.deployedAt().toInstant()));
        model.put("deployedBy", deployedBy(latest.deploymentId()));
        model.put("deploymentName", repository.createDeploymentQuery().deploymentId(latest.deploymentId())
            .singleResult().getName());
      }
      models.add(model);
    }
    return models;
  }

  /** The latest deployed file of the model, or empty when the file is not one of the repository's models. */
  Optional<byte[]> deployedFile(String file) {
    byte[] content = repositoryModels.files().get(file);
    if (content == null) {
      return Optional.empty();
    }
    return latest(file, RepositoryModels.keyOf(file, content)).map(this::bytes);
  }

  private Optional<Deployed> latest(String file, String key) {
    if (key == null) {
      return Optional.empty();
    }
    if (file.endsWith(".dmn")) {
      DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
          .latestVersion().singleResult();
      return Optional.ofNullable(definition).map(found -> new Deployed(found.getDeploymentId(),
          found.getResourceName(), found.getVersion(), deploymentTime(found.getDeploymentId())));
    }
    ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
        .latestVersion().singleResult();
    return Optional.ofNullable(definition).map(found -> new Deployed(found.getDeploymentId(),
        found.getResourceName(), found.getVersion(), deploymentTime(found.getDeploymentId())));
  }

  private Date deploymentTime(String deploymentId) {
    Deployment deployment = repository.createDeploymentQuery().deploymentId(deploymentId).singleResult();
    return deployment.getDeploymentTime();
  }

  private String deployedBy(String deploymentId) {
    return history.createUserOperationLogQuery().deploymentId(deploymentId).entityType(EntityTypes.DEPLOYMENT)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE).list().stream()
        .map(UserOperationLogEntry::getUserId).filter(user -> user != null).findFirst()
        .orElse("the application, at start");
  }

  private byte[] bytes(Deployed deployed) {
    try (InputStream in = repository.getResourceAsStream(deployed.deploymentId(), deployed.resourceName())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
