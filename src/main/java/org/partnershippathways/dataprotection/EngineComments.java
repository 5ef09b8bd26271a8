package org.partnershippathways.dataprotection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/** The comments written on a case's tasks in Tasklist (the engine keeps them, not our tables), case and sub-processes. */
@Component
record EngineComments(HistoryService history, TaskService tasks) {

  /** One comment: on which case, who wrote it, when, and what it says. */
  record CaseComment(String processInstanceId, String writtenBy, Instant writtenAt, String text) {
  }

  /** The process instances of the cases: each case's own and every instance it called, at any depth. */
  List<String> instancesOf(List<String> rootInstanceIds) {
    List<String> ids = new ArrayList<>();
    for (String root : rootInstanceIds) {
      history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root).list().stream()
          .map(HistoricProcessInstance::getId).forEach(ids::add);
      if (!ids.contains(root)) {
        ids.add(root);
      }
    }
    return ids;
  }

  List<CaseComment> of(List<String> rootInstanceIds) {
    List<CaseComment> comments = new ArrayList<>();
    for (String instance : instancesOf(rootInstanceIds)) {
      tasks.getProcessInstanceComments(instance).forEach(comment -> comments.add(new CaseComment(instance,
          comment.getUserId(), comment.getTime().toInstant(), comment.getFullMessage())));
    }
    return comments;
  }
}
