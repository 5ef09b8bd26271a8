package org.partnershippathways.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.partnershippathways.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The partner-responses API against a running information-sharing process, on H2 and PostgreSQL. The partner
 * call itself is mocked: what is tested is who may reply, the checks, storage and delivery to the process.
 */
@PathwaysIntegrationTest
class PartnerResponsesIT {

  @MockitoBean(name = "partnerRequest")
  JavaDelegate partnerRequest;

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;

  static final String run = UUID.randomUUID().toString().substring(0, 8);
  static final String password = UUID.randomUUID().toString();
  static final String policeSystem = "police-system-" + run;
  static final String healthSystem = "health-system-" + run;
  static final String voluntaryWorker = "voluntary-worker-" + run;
  static final String coordinator = "coordinator-" + run;
  static final String owner = "owner-" + run;
  String caseId;
  String processInstanceId;

  @BeforeEach
  void usersAndAWaitingProcess() {
    user(policeSystem, "police", "partner-systems");
    user(healthSystem, "health", "partner-systems");
    user(voluntaryWorker, "voluntary");
    user(coordinator, "coordinators");
    user(owner, "process-owners");

    caseId = UUID.randomUUID().toString();
    processInstanceId = runtime.startProcessInstanceByKey("information-sharing", Variables.createVariables()
        .putValue("caseId", caseId)
        .putValue("caseReference", "PP-IT-" + run)
        .putValue("riskRating", "AMBER")
        .putValue("child", false)
        .putValueTyped("concernCategories", Variables.objectValue(new ArrayList<>(List.of("HOUSING")))
            .serializationDataFormat(Variables.SerializationDataFormats.JSON).create()))
        .getId();
    List<Job> sends = management.createJobQuery().processInstanceId(processInstanceId)
        .activityId("ServiceTask_SendInformationRequest").list();
    assertThat(sends).as("police and voluntary sector are asked").hasSize(2);
    sends.forEach(job -> management.executeJob(job.getId()));
  }

  @Test
  void aPartnerSystemRepliesForItsAgencyAndTheReplyReachesTheProcess() {
    ResponseEntity<JsonNode> created = post(policeSystem, caseId, reply("police", "POL-" + run));

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody().path("agency").asText()).isEqualTo("police");
    assertThat(created.getBody().path("holdsInformation").asBoolean()).isTrue();
    assertThat(jdbc.sql("select received_from from partner_response where case_id = ?").param(caseId)
        .query(String.class).single()).isEqualTo(policeSystem);
    assertThat(management.createJobQuery().processInstanceId(processInstanceId)
        .activityId("EndEvent_AgencyAnswered").count()).as("police's wait is over").isEqualTo(1);
    assertThat(jdbc.sql("select status from information_request where case_id = ? and agency = 'police'")
        .param(caseId).query(String.class).single()).isEqualTo("ANSWERED");

    ResponseEntity<JsonNode> again = post(policeSystem, caseId, reply("police", "POL-" + run));
    assertThat(again.getStatusCode()).as("the same reply delivered twice").isEqualTo(HttpStatus.OK);
    assertThat(again.getBody().path("id").asText()).isEqualTo(created.getBody().path("id").asText());
    assertThat(jdbc.sql("select count(*) from partner_response where case_id = ?").param(caseId)
        .query(Long.class).single()).isEqualTo(1);

    ResponseEntity<JsonNode> another = post(policeSystem, caseId, reply("police", "POL-2-" + run));
    assertThat(another.getStatusCode()).as("nothing waits for police any more").isEqualTo(HttpStatus.CONFLICT);
    assertThat(another.getBody().path("detail").asText()).contains("answered already");
    assertThat(jdbc.sql("select count(*) from partner_response where case_id = ?").param(caseId)
        .query(Long.class).single()).as("the refused reply is not stored").isEqualTo(1);
  }

  @Test
  void aPartnerRepliesOnlyForItsOwnAgencyAndOnlyWhenAsked() {
    assertThat(post(healthSystem, caseId, reply("police", "X-" + run)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post(coordinator, caseId, reply("police", "X-" + run)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post(healthSystem, caseId, reply("health", "H-" + run)).getStatusCode())
        .as("health was not asked").isEqualTo(HttpStatus.CONFLICT);
    assertThat(post(voluntaryWorker, caseId, reply("voluntary", "V-" + run)).getStatusCode())
        .as("a practitioner of the agency may reply").isEqualTo(HttpStatus.CREATED);
    assertThat(rest.postForEntity("/api/cases/" + caseId + "/partner-responses", reply("police", "A"), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void badRepliesAreRefusedFieldByFieldAndUnknownCasesAreNotFound() {
    ResponseEntity<JsonNode> invalid = post(policeSystem, caseId, Map.of("agency", "army", "summary", " "));

    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    List<String> fields = new ArrayList<>();
    invalid.getBody().path("errors").forEach(error -> fields.add(error.path("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("agency", "summary", "holdsInformation", "respondedBy",
        "partnerReference");
    assertThat(invalid.getBody().toString()).doesNotContain("Exception");

    assertThat(post(policeSystem, UUID.randomUUID().toString(), reply("police", "P-" + run)).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(jdbc.sql("select count(*) from partner_response where case_id = ?").param(caseId)
        .query(Long.class).single()).isZero();
  }

  @Test
  void coordinatorsSeeEveryReplyAndAnAgencyOnlyItsOwn() {
    post(policeSystem, caseId, reply("police", "POL-" + run));
    post(voluntaryWorker, caseId, reply("voluntary", "VOL-" + run));

    assertThat(agencies(get(coordinator, "/partner-responses"))).containsExactlyInAnyOrder("police", "voluntary");
    assertThat(agencies(get(policeSystem, "/partner-responses"))).containsExactly("police");
    assertThat(agencies(get(voluntaryWorker, "/partner-responses"))).containsExactly("voluntary");
    assertThat(get(owner, "/partner-responses").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<JsonNode> requests = get(coordinator, "/information-requests");
    assertThat(requests.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(requests.getBody()).hasSize(2).allSatisfy(request ->
        assertThat(request.path("status").asText()).isEqualTo("ANSWERED"));
    assertThat(get(policeSystem, "/information-requests").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private Map<String, Object> reply(String agency, String reference) {
    return Map.of("agency", agency, "summary", "Known: two incidents in 2026.", "holdsInformation", true,
        "respondedBy", "PC Jones", "partnerReference", reference);
  }

  private ResponseEntity<JsonNode> post(String userId, String caseId, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(userId, password).exchange("/api/cases/" + caseId + "/partner-responses",
        HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private ResponseEntity<JsonNode> get(String userId, String path) {
    return rest.withBasicAuth(userId, password).getForEntity("/api/cases/" + caseId + path, JsonNode.class);
  }

  private static List<String> agencies(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> agencies = new ArrayList<>();
    response.getBody().forEach(reply -> agencies.add(reply.path("agency").asText()));
    return agencies;
  }

  private void user(String id, String... groups) {
    TestUsers.create(identity, id, password, groups);
  }
}
