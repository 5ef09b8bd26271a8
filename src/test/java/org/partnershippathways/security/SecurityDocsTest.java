package org.partnershippathways.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * The authorization matrix and what stands for it: {@code docs/security.md} shows the matrix's table as it is in
 * the data file (rewrite it with {@code -Dpathways.docs.write=true}), and every endpoint of ours, Spring MVC
 * controllers and the Cockpit and Tasklist plugins' JAX-RS resources, has its row in the matrix.
 */
class SecurityDocsTest {

  static final Path DOC = Path.of("docs", "security.md");
  static final String START = "<!-- authorization-matrix:start (generated from "
      + "src/test/resources/security/authorization-matrix.csv by SecurityDocsTest; edit the CSV) -->\n";
  static final String END = "<!-- authorization-matrix:end -->";
  static final String PRODUCTION = "org.partnershippathways";
  static final String NOT_PRODUCTION = "org\\.partnershippathways\\.(demo|sandbox)\\..*";
  static final String COCKPIT_PLUGIN_API = "/camunda/api/cockpit/";
  static final String TASKLIST_PLUGIN_API = "/camunda/api/tasklist/";

  final AuthorizationMatrix matrix = AuthorizationMatrix.load();

  @Test
  void theDocsShowTheMatrixAsItIs() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int start = doc.indexOf(START);
    int end = doc.indexOf(END);
    assertThat(start).as(DOC + " holds the generated table between its markers").isNotNegative();
    assertThat(end).isGreaterThan(start);
    String shown = doc.substring(start + START.length(), end);
    if (Boolean.getBoolean("pathways.docs.write") && !shown.equals(matrix.markdown())) {
      Files.writeString(DOC, doc.substring(0, start + START.length()) + matrix.markdown() + doc.substring(end),
          StandardCharsets.UTF_8);
      return;
    }
    assertThat(shown).as("%s differs from %s: run mvn test -Dtest=SecurityDocsTest -Dpathways.docs.write=true",
        DOC, AuthorizationMatrix.RESOURCE).isEqualTo(matrix.markdown());
  }

  @Test
  void everyEndpointOfOursIsInTheMatrix() {
    Set<String> inMatrix = matrix.calls().stream()
        .map(call -> call.method() + " " + normalised(call.path()))
        .collect(Collectors.toSet());
    Set<String> endpoints = new TreeSet<>();
    endpoints.addAll(springEndpoints());
    endpoints.addAll(jaxRsEndpoints());

    assertThat(endpoints).as("our endpoints found").hasSizeGreaterThanOrEqualTo(15);
    assertThat(endpoints).as("our endpoints missing from " + AuthorizationMatrix.RESOURCE + " (add a row each)")
        .filteredOn(endpoint -> !inMatrix.contains(endpoint)).isEmpty();
  }

  @Test
  void everyCellOfTheMatrixIsARoleOfOurs() {
    assertThat(matrix.roles()).containsExactlyElementsOf(AuthorizationMatrixIT.GROUPS_OF_ROLE.keySet());
    assertThat(matrix.calls()).extracting(AuthorizationMatrix.Call::name).doesNotHaveDuplicates();
  }

  /** A path with its settings' defaults, every path variable as {@code {}} and without its query. */
  static String normalised(String path) {
    String resolved = path;
    while (resolved.matches(".*\\$\\{[^{}]*}.*")) {
      resolved = resolved.replaceAll("\\$\\{[^{}:]*:?([^{}]*)}", "$1");
    }
    return resolved.replaceAll("\\?.*", "").replaceAll("\\{[^}]*}", "{}").replaceAll("/{2,}", "/")
        .replaceAll("/+$", "");
  }

  private static Set<String> springEndpoints() {
    Set<String> endpoints = new TreeSet<>();
    for (Class<?> controller : productionClasses(Controller.class)) {
      RequestMapping classMapping = AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class);
      List<String> prefixes = classMapping == null || classMapping.path().length == 0 ? List.of("")
          : List.of(classMapping.path());
      for (Method method : controller.getDeclaredMethods()) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
        if (mapping == null) {
          continue;
        }
        List<String> paths = mapping.path().length == 0 ? List.of("") : List.of(mapping.path());
        List<RequestMethod> verbs = mapping.method().length == 0 ? List.of(RequestMethod.GET)
            : List.of(mapping.method());
        for (String prefix : prefixes) {
          for (String path : paths) {
            verbs.forEach(verb -> endpoints.add(verb.name() + " " + normalised(prefix + path)));
          }
        }
      }
    }
    return endpoints;
  }

  private static Set<String> jaxRsEndpoints() {
    Set<String> endpoints = new TreeSet<>();
    for (Class<?> root : productionClasses(jakarta.ws.rs.Path.class)) {
      String api = org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource.class.isAssignableFrom(root)
          ? TASKLIST_PLUGIN_API : COCKPIT_PLUGIN_API;
      collect(root, api + root.getAnnotation(jakarta.ws.rs.Path.class).value(), endpoints);
    }
    return endpoints;
  }

  private static void collect(Class<?> resource, String base, Set<String> endpoints) {
    for (Method method : resource.getMethods()) {
      jakarta.ws.rs.Path path = method.getAnnotation(jakarta.ws.rs.Path.class);
      String full = path == null ? base : base + "/" + path.value();
      String verb = verb(method);
      if (verb != null) {
        endpoints.add(verb + " " + normalised(full.replace("{engineName}", "default")));
      } else if (path != null) {
        collect(method.getReturnType(), full, endpoints);
      }
    }
  }

  private static String verb(Method method) {
    for (Class<? extends Annotation> verb : List.of(GET.class, POST.class, PUT.class, DELETE.class)) {
      if (method.isAnnotationPresent(verb)) {
        return verb.getSimpleName();
      }
    }
    return null;
  }

  private static List<Class<?>> productionClasses(Class<? extends Annotation> annotation) {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(annotation));
    return scanner.findCandidateComponents(PRODUCTION).stream()
        .map(BeanDefinition::getBeanClassName)
        .filter(name -> !name.matches(NOT_PRODUCTION))
        .map(SecurityDocsTest::load)
        .toList();
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
