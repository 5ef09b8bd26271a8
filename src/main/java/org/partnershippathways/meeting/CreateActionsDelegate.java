package org.partnershippathways.meeting;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.partnershippathways.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_CreateActions}: validates the decisions form (a wrong form keeps the task open with the
 * message), records the decisions and creates the actions; sets actionIds (JSON list of action ids).
 */
@Component("createActions")
record CreateActionsDelegate(Meetings meetings) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    var ids = meetings.recordDecisions((String) execution.getVariable("caseId"),
        (String) execution.getVariable("meetingId"), execution.getVariables(), CurrentUser.actingIn(execution));
    execution.setVariable("actionIds", Variables.objectValue(new ArrayList<>(ids))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
  }
}
