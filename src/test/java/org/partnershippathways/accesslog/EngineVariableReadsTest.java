package org.partnershippathways.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** Which engine REST paths are reads of a case's variables, through our door and the webapps'. */
class EngineVariableReadsTest {

  @Test
  void taskAndInstanceVariableReadsAreFoundThroughBothDoors() {
    Matcher task = EngineVariableReads.TASK_READ.matcher("/camunda/api/engine/engine/default/task/t1/form-variables");
    assertThat(task.matches()).isTrue();
    assertThat(task.group(1)).isEqualTo("t1");
    assertThat(EngineVariableReads.TASK_READ.matcher("/engine-rest/task/t1/variables/caseId").matches()).isTrue();
    assertThat(EngineVariableReads.TASK_READ.matcher("/engine-rest/task/t1/form").matches()).isFalse();
    assertThat(EngineVariableReads.TASK_READ.matcher("/engine-rest/history/task").matches()).isFalse();
    Matcher instance = EngineVariableReads.INSTANCE_READ.matcher("/engine-rest/process-instance/p1/variables");
    assertThat(instance.matches()).isTrue();
    assertThat(instance.group(1)).isEqualTo("p1");
  }

  @Test
  void historyQueriesAreToldFromRuntimeQueriesAndCountsAreNotReads() {
    Matcher history = EngineVariableReads.QUERY_READ.matcher("/engine-rest/history/variable-instance");
    assertThat(history.matches()).isTrue();
    assertThat(history.group(1)).isEqualTo("history/variable-instance");
    Matcher runtime = EngineVariableReads.QUERY_READ.matcher("/camunda/api/engine/engine/default/variable-instance");
    assertThat(runtime.matches()).isTrue();
    assertThat(runtime.group(1)).isEqualTo("variable-instance");
    Matcher count = EngineVariableReads.QUERY_READ.matcher("/engine-rest/history/detail/count");
    assertThat(count.matches()).isTrue();
    assertThat(count.group(2)).isNotNull();
  }

  @Test
  void theDoorIsTheRequestsPath() {
    assertThat(Door.ofPath("/engine-rest/task/t1/variables")).isEqualTo(Door.ENGINE_REST);
    assertThat(Door.ofPath("/camunda/api/tasklist/plugin/pathway-case/default/tasks/t1/facts"))
        .isEqualTo(Door.WEBAPPS);
    assertThat(Door.ofPath("/api/tasks/t1/facts")).isEqualTo(Door.API);
  }
}
