package org.partnershippathways.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.partnershippathways.testsupport.WebappCookies;
import org.partnershippathways.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 11: an agency practitioner hands back a task they claimed, through the engine's REST API and through
 * Tasklist's session, and cannot hand back a colleague's; a refusal reads as a sentence, not a permission dump.
 */
@PathwaysIntegrationTest
class TaskHandBackIT {

  static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  static final String PASSWORD = UUID.randomUUID().toString();
  static final String OFFICER = "handback-officer-" + RUN;
  static final String COLLEAGUE = "handback-colleague-" + RUN;

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  String taskId;

  @BeforeEach
  void aPoliceTask() {
    TestUsers.create(identity, OFFICER, PASSWORD, Agency.POLICE.groupId());
    TestUsers.create(identity, COLLEAGUE, PASSWORD, Agency.POLICE.groupId());
    Task task = tasks.newTask();
    task.setName("Police task " + RUN);
    tasks.saveTask(task);
    tasks.addCandidateGroup(task.getId(), Agency.POLICE.groupId());
    taskId = task.getId();
  }

  @Test
  void aPractitionerHandsBackTheirTaskThroughTheEngineApi() {
    assertThat(basic(OFFICER, "claim", "{\"userId\": \"" + OFFICER + "\"}").getStatusCode().value()).isEqualTo(204);
    assertThat(assignee()).isEqualTo(OFFICER);

    ResponseEntity<String> colleagues = basic(COLLEAGUE, "unclaim", null);
    assertThat(colleagues.getStatusCode().value()).isEqualTo(403);
    assertThat(colleagues.getBody()).contains("Your role does not allow you to assign or hand back this task")
        .doesNotContain("missingAuthorizations").doesNotContain(COLLEAGUE);
    assertThat(assignee()).isEqualTo(OFFICER);

    assertThat(basic(OFFICER, "unclaim", null).getStatusCode().value()).isEqualTo(204);
    assertThat(assignee()).isNull();
  }

  @Test
  void aPractitionerHandsBackTheirTaskInTasklist() {
    Map<String, String> session = WebappCookies.tasklistSession(rest, OFFICER, PASSWORD);
    tasks.claim(taskId, OFFICER);

    ResponseEntity<String> unclaim = rest.exchange("/camunda/api/engine/engine/default/task/" + taskId + "/unclaim",
        HttpMethod.POST, new HttpEntity<>(null, WebappCookies.sessionHeaders(session)), String.class);

    assertThat(unclaim.getStatusCode().value()).as(unclaim.getBody()).isEqualTo(204);
    assertThat(assignee()).isNull();
  }

  @Test
  void aTaskThatIsGoneIsA404WithASentence() {
    tasks.deleteTask(taskId, "done by someone else");
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(OFFICER, PASSWORD);

    ResponseEntity<String> links = rest.exchange("/engine-rest/task/" + taskId + "/identity-links", HttpMethod.GET,
        new HttpEntity<>(null, headers), String.class);

    assertThat(links.getStatusCode().value()).as(links.getBody()).isEqualTo(404);
    assertThat(links.getBody()).contains("This task is no longer open").doesNotContain("NullValueException");
  }

  private String assignee() {
    return tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee();
  }

  private ResponseEntity<String> basic(String user, String action, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, PASSWORD);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.exchange("/engine-rest/task/" + taskId + "/" + action, HttpMethod.POST,
        new HttpEntity<>(body, headers), String.class);
  }


}
