package org.partnershippathways.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RecordAttendance}: saves who attended; sets agenciesAttended for the gateway. */
@Component("recordAttendance")
class RecordAttendanceDelegate implements JavaDelegate {

  private final Meetings meetings;
  private final EngineUser user;

  RecordAttendanceDelegate(Meetings meetings, EngineUser user) {
    this.meetings = meetings;
    this.user = user;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int attended = meetings.recordAttendance((String) execution.getVariable("meetingId"), execution.getVariables(),
        user.id());
    execution.setVariable("agenciesAttended", attended);
  }
}
