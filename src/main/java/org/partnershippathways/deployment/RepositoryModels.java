package org.partnershippathways.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** The models of processes/ as the application ships them: the pathway's processes and decisions. */
@Component
public class RepositoryModels {

  private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

  /** The keys of the pathway's processes (the executable process of each processes/*.bpmn), by file name. */
  public List<String> processKeys() {
    return files().entrySet().stream().filter(file -> file.getKey().endsWith(".bpmn"))
        .map(file -> keyOf(file.getKey(), file.getValue())).filter(Objects::nonNull).toList();
  }

  /** processes/*.bpmn and *.dmn on the classpath, by file name, sorted. */
  Map<String, byte[]> files() {
    Map<String, byte[]> files = new TreeMap<>();
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

  /** The key of a model file's executable process or first decision, or null when it cannot be read. */
  static String keyOf(String file, byte[] content) {
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
}
