package org.partnershippathways.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.partnershippathways.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The deployment gate holds for a process owner deploying as Camunda Modeler does (a multipart POST to the engine
 * REST API's /deployment/create): a model whose form is missing is refused with the task named and nothing is
 * stored; a correct changed model deploys as a new version.
 */
@PathwaysIntegrationTest
class DeploymentGateIT {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String OWNER = "gate-owner-" + RUN;
  private static final String PASSWORD = UUID.randomUUID().toString();
  private static final String NAME = "gate-it-" + RUN;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;

  @BeforeEach
  void processOwner() {
    TestUsers.create(identity, OWNER, PASSWORD, "process-owners");
  }

  @AfterEach
  void removeWhatWasDeployed() {
    repository.createDeploymentQuery().deploymentName(NAME).list()
        .forEach(deployment -> repository.deleteDeployment(deployment.getId(), true));
  }

  @Test
  void aModelWhoseFormIsMissingIsRefusedWithTheTaskNamedAndNothingDeployed() throws IOException {
    long versions = repository.createProcessDefinitionQuery().processDefinitionKey("consent-renewal").count();

    ResponseEntity<String> answer = deployAsModeler(file("processes/consent-renewal.bpmn"));

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    JsonNode body = JSON.readTree(answer.getBody());
    assertThat(body.path("message").asText()).contains("refused", "Task_RenewOrCloseConsent",
        "renew-or-close-consent", "not in this deployment");
    assertThat(body.path("details").path("consent-renewal.bpmn").path("errors").findValuesAsText("mainElementId"))
        .contains("Task_RenewOrCloseConsent");
    assertThat(repository.createDeploymentQuery().deploymentName(NAME).count()).isZero();
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("consent-renewal").count())
        .isEqualTo(versions);
  }

  @Test
  void aCorrectChangedModelDeploysAsANewVersion() throws IOException {
    int latest = repository.createProcessDefinitionQuery().processDefinitionKey("consent-renewal").latestVersion()
        .singleResult().getVersion();
    NamedFile changed = file("processes/consent-renewal.bpmn")
        .replace("name=\"Renew the consent or let sharing end\"", "name=\"Renew the consent, or let sharing end\"");

    ResponseEntity<String> answer = deployAsModeler(changed, file("forms/renew-or-close-consent.form"));

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("consent-renewal").latestVersion()
        .singleResult().getVersion()).isEqualTo(latest + 1);

    JsonNode models = JSON.readTree(rest.withBasicAuth(OWNER, PASSWORD)
        .getForObject("/api/process-models", String.class));
    JsonNode renewal = row(models, "consent-renewal.bpmn");
    assertThat(renewal.path("differsFromRepository").asBoolean()).isTrue();
    assertThat(renewal.path("deployedBy").asText()).isEqualTo(OWNER);
    assertThat(renewal.path("deployedVersion").asInt()).isEqualTo(latest + 1);
    assertThat(renewal.path("deployedAt").asText()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
    JsonNode unchanged = row(models, "consent-check.bpmn");
    assertThat(unchanged.path("differsFromRepository").asBoolean()).isFalse();
    assertThat(unchanged.path("deployedBy").asText()).isEqualTo("the application, at start");
    assertThat(rest.withBasicAuth(OWNER, PASSWORD)
        .getForObject("/api/process-models/consent-renewal.bpmn/deployed", String.class))
        .as("the deployed file, to commit").isEqualTo(changed.text());
  }

  private static JsonNode row(JsonNode models, String file) {
    for (JsonNode model : models) {
      if (file.equals(model.path("file").asText())) {
        return model;
      }
    }
    throw new AssertionError("no row for " + file + " in " + models);
  }

  @Test
  void theJavaApiPassesTheSameGate() throws IOException {
    NamedFile script = file("processes/consent-renewal.bpmn").replace("<userTask id=\"Task_RenewOrCloseConsent\"",
        "<scriptTask id=\"Task_Sneaky\" scriptFormat=\"javascript\"><script>1</script></scriptTask>"
            + "<userTask id=\"Task_RenewOrCloseConsent\"");

    ParseException refusal = org.assertj.core.api.Assertions.catchThrowableOfType(
        () -> repository.createDeployment().name(NAME).addString(script.name(), script.text())
            .addString("renew-or-close-consent.form", file("forms/renew-or-close-consent.form").text()).deploy(),
        ParseException.class);

    assertThat(refusal).isNotNull();
    assertThat(refusal.getMessage()).contains("Task_Sneaky", "script");
    assertThat(repository.createDeploymentQuery().deploymentName(NAME).count()).isZero();
  }

  private ResponseEntity<String> deployAsModeler(NamedFile... files) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(OWNER, PASSWORD);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", NAME);
    form.add("deployment-source", "Camunda Modeler");
    for (NamedFile file : files) {
      form.add(file.name(), new ByteArrayResource(file.text().getBytes(StandardCharsets.UTF_8)) {
        @Override
        public String getFilename() {
          return file.name();
        }
      });
    }
    return rest.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
  }

  private static NamedFile file(String path) throws IOException {
    return new NamedFile(Path.of(path).getFileName().toString(), Files.readString(Path.of(path)));
  }

  private record NamedFile(String name, String text) {
    NamedFile replace(String from, String to) {
      assertThat(text).contains(from);
      return new NamedFile(name, text.replace(from, to));
    }
  }
}
