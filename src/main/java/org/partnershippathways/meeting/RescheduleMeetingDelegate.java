package org.partnershippathways.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_RescheduleMeeting}: this round's meeting becomes RESCHEDULED with its reason; the next round
 * starts with an empty attendance form.
 */
@Component("rescheduleMeeting")
record RescheduleMeetingDelegate(Meetings meetings) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    meetings.reschedule((String) execution.getVariable("meetingId"), execution.getVariable("rescheduleReason"));
    execution.setVariable("meetingRound", ((Number) execution.getVariable("meetingRound")).intValue() + 1);
    Meetings.ATTENDANCE_FIELDS.values().forEach(field -> execution.setVariable(field, false));
    execution.setVariable("rescheduleReason", null);
  }
}
