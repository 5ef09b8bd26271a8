package org.partnershippathways.accesslog;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a user had a task on a case, from the engine's task history (public API; callers run it as the system):
 * a task of the case's process instance or of any instance it called (same root), or of an instance keyed by the
 * case's reference (a withdrawal of consent), that the user was assigned, owned or was a candidate for, or whose
 * candidate groups included one of the user's groups. Open and completed tasks count alike.
 */
@Component
record TaskHistoryOfCase(HistoryService history, JdbcClient jdbc) {

  /** The case as the engine knows it; empty when the case is no longer held (erased or purged). */
  record EngineCase(String reference, String processInstanceId) {
  }

  Optional<EngineCase> engineCase(String caseId) {
    return jdbc.sql("select reference, process_instance_id from pathway_case where id = :id").param("id", caseId)
        .query((rs, row) -> new EngineCase(rs.getString(1), rs.getString(2))).optional();
  }

  boolean hadTask(EngineCase engineCase, String userId, List<String> groupIds) {
    List<UnaryOperator<HistoricTaskInstanceQuery>> scopes = new java.util.ArrayList<>();
    if (engineCase.processInstanceId() != null) {
      scopes.add(query -> query.rootProcessInstanceId(engineCase.processInstanceId()));
    }
    scopes.add(query -> query.processInstanceBusinessKey(engineCase.reference()));
    for (UnaryOperator<HistoricTaskInstanceQuery> scope : scopes) {
      if (any(scope, query -> query.taskAssignee(userId)) || any(scope, query -> query.taskInvolvedUser(userId))
          || groupIds.stream().anyMatch(group -> any(scope, query -> query.taskHadCandidateGroup(group)))) {
        return true;
      }
    }
    return false;
  }

  private boolean any(UnaryOperator<HistoricTaskInstanceQuery> scope, UnaryOperator<HistoricTaskInstanceQuery> who) {
    return who.apply(scope.apply(history.createHistoricTaskInstanceQuery())).count() > 0;
  }
}
