package org.partnershippathways.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The repository (processes/ as the application ships it) against the engine: for each model, the latest
 * deployed version, whether its file differs from the repository's, who deployed it and when (the engine's user
 * operation log; the application's own deployment at start has no user), and the deployed file itself.
 */
@Service
class DeployedModels {

  private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
      .withZone(ZoneId.of("Europe/London"));

  private final RepositoryService repository;
  private final HistoryService history;
  private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

  DeployedModels(RepositoryService repository, HistoryService history) {
    this.repository = repository;
    this.history = history;
  }

  record Deployed(String deploymentId, String resourceName, int version, Date deployedAt) {
  }

  List<Map<String, Object>> compare() {
    List<Map<String, Object>> models = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : repositoryFiles().entrySet()) {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("file", file.getKey());
      String key = keyOf(file.getKey(), file.getValue());
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
        model.put("deployedAt", UK.format(latest.deployedAt().toInstant()));
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
    byte[] content = repositoryFiles().get(file);
    if (content == null) {
      return Optional.empty();
    }
    return latest(file, keyOf(file, content)).map(this::bytes);
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

  private static String keyOf(String file, byte[] content) {
    try {
      if (file.endsWith(".dmn")) {
        return Dmn.readModelFromStream(new ByteArrayInputStream(content)).getModelElementsByType(Decision.class)
            .stream().map(Decision::getId).findFirst().orElse(null);
      }
      return Bpmn.readModelFromStream(new ByteArrayInputStream(content)).getModelElementsByType(Process.class)
          .stream().filter(Process::isExecutable).map(Process::getId).findFirst().orElse(null);
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  /** processes/*.bpmn and *.dmn on the classpath, by file name, sorted. */
  private Map<String, byte[]> repositoryFiles() {
    Map<String, byte[]> files = new java.util.TreeMap<>();
    try {
      Resource[] resources = resolver.getResources("classpath*:processes/**/*");
      Arrays.sort(resources, Comparator.comparing(Resource::getDescription));
      for (Resource resource : resources) {
        String name = resource.getFilename();
        if (name != null && (name.endsWith(".bpmn") || name.endsWith(".dmn"))) {
          try (InputStream in = resource.getInputStream()) {
            files.put(name, in.readAllBytes());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read processes/", e);
    }
    return files;
  }
}
