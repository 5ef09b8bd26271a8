package org.partnershippathways.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** A case's task as a user finds it in Tasklist: in the filter "My agency's tasks", by the case's id. */
public final class AgencyTasks {

  private static final ObjectMapper JSON = new ObjectMapper();

  private AgencyTasks() {
  }

  /** The id of the one task {@code taskKey} of the case in the user's "My agency's tasks"; fails if not one. */
  public static String onlyTask(TestRestTemplate user, String who, String caseId, String taskKey) throws Exception {
    String filterId = JSON.readTree(user.getForObject("/engine-rest/filter?resourceType=Task&name={name}",
        String.class, "My agency's tasks")).get(0).path("id").asText();
    JsonNode tasks = JSON.readTree(user.postForObject("/engine-rest/filter/" + filterId + "/list",
        Map.of("taskDefinitionKey", taskKey, "processVariables",
            List.of(Map.of("name", "caseId", "operator", "eq", "value", caseId))), String.class));
    assertThat(tasks.size()).as(taskKey + " in the Tasklist of " + who).isEqualTo(1);
    return tasks.get(0).path("id").asText();
  }
}
