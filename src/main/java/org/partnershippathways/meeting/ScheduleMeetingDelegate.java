package org.partnershippathways.meeting;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnershippathways.security.CurrentUser;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_ScheduleMeeting}: saves date and place of this round; sets meetingId and meetingTime. */
@Component("scheduleMeeting")
record ScheduleMeetingDelegate(Meetings meetings) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Object round = execution.getVariable("meetingRound");
    int meetingRound = round == null ? 1 : ((Number) round).intValue();
    Meetings.Scheduled scheduled = meetings.schedule((String) execution.getVariable("caseId"), meetingRound,
        execution.getVariable("meetingDate"), execution.getVariable("meetingPlace"),
        execution.getProcessInstanceId(), CurrentUser.actingIn(execution), execution.getVariable("meetingDueDate"),
        execution.getVariable("meetingLateReason"));
    execution.setVariable("meetingRound", meetingRound);
    execution.setVariable("meetingId", scheduled.meetingId());
    execution.setVariable("meetingTime", Date.from(scheduled.when()));
  }
}
