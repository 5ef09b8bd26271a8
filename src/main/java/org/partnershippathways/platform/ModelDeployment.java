package org.partnershippathways.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Deploys what process owners edit in Camunda Modeler, the folders processes/ and forms/ (on the classpath
 * under the same names), as one deployment named after the product. Unchanged files deploy nothing, so a
 * restart or a second node does not create new versions; when one file changed, everything is deployed
 * again so that forms linked with binding "deployment" stay next to their processes.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE) // after the groups exist (security.IdentitySetup): the deployment gate checks them
class ModelDeployment extends AbstractProcessEnginePlugin {

  static final String DEPLOYMENT_NAME = "partnership-pathways";
  static final List<String> FOLDERS = List.of("processes", "forms");
  private static final List<String> SUFFIXES = List.of(".bpmn", ".dmn", ".form");
  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);

  private final boolean enabled;
  private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

  ModelDeployment(@Value("${pathways.deployment.enabled:true}") boolean enabled) {
    this.enabled = enabled;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (!enabled) {
      return;
    }
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_NAME)
        .enableDuplicateFiltering(false);
    List<String> names = new ArrayList<>();
    for (String folder : FOLDERS) {
      for (Resource resource : modelFiles(folder)) {
        String name = nameWithinFolder(resource, folder);
        try {
          deployment.addInputStream(name, resource.getInputStream());
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read " + resource, e);
        }
        names.add(name);
      }
    }
    if (names.isEmpty()) {
      LOG.warn("No models found in {}", FOLDERS);
      return;
    }
    DeploymentWithDefinitions result = deployment.deployWithResult();
    LOG.info("Models {}: deployment {} ({} files)", names, result.getId(), names.size());
  }

  private List<Resource> modelFiles(String folder) {
    try {
      List<Resource> files = new ArrayList<>();
      for (Resource resource : resolver.getResources("classpath*:" + folder + "/**/*")) {
        String filename = resource.getFilename();
        if (filename != null && SUFFIXES.stream().anyMatch(filename::endsWith)) {
          files.add(resource);
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
  }

  static String nameWithinFolder(Resource resource, String folder) {
    try {
      String url = resource.getURL().toString();
      String marker = "/" + folder + "/";
      return url.substring(url.lastIndexOf(marker) + marker.length());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot name " + resource, e);
    }
  }
}
