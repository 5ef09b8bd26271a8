package org.partnershippathways.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnershippathways.security.CurrentUser;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RecordAttendance}: saves who attended; sets agenciesAttended for the gateway. */
@Component("recordAttendance")
record RecordAttendanceDelegate(Meetings meetings) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    int attended = meetings.recordAttendance((String) execution.getVariable("meetingId"), execution.getVariables(),
        CurrentUser.actingIn(execution));
    execution.setVariable("agenciesAttended", attended);
  }
}
