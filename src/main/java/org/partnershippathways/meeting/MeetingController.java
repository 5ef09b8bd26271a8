package org.partnershippathways.meeting;

import org.camunda.bpm.engine.RuntimeService;
import org.partnershippathways.platform.ConflictException;
import org.partnershippathways.platform.ForbiddenException;
import org.partnershippathways.platform.NotFoundException;
import org.partnershippathways.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A coordinator marks a meeting held before its scheduled time has passed, so attendance can be recorded at once. */
@RestController
record MeetingController(MeetingTable records, RuntimeService runtimeService, CurrentUser currentUser) {

  static final String MESSAGE_MEETING_HELD = "MeetingHeld";

  @PostMapping("/api/meetings/{meetingId}/held")
  ResponseEntity<Void> held(@PathVariable String meetingId) {
    if (!currentUser.isCoordinator()) {
      throw new ForbiddenException("Only coordinators may mark a meeting held");
    }
    MeetingTable.Meeting meeting = records.find(meetingId)
        .orElseThrow(() -> new NotFoundException("No meeting " + meetingId));
    // The caller's group was checked above; the engine's per-instance authorizations do not cover these calls.
    currentUser.asSystem(() -> {
      boolean waiting = meeting.processInstanceId() != null && MeetingTable.SCHEDULED.equals(meeting.status())
          && runtimeService.createExecutionQuery().processInstanceId(meeting.processInstanceId())
              .messageEventSubscriptionName(MESSAGE_MEETING_HELD).count() > 0;
      if (!waiting) {
        throw new ConflictException("The meeting is not waiting to take place");
      }
      runtimeService.createMessageCorrelation(MESSAGE_MEETING_HELD).processInstanceId(meeting.processInstanceId())
          .correlate();
    });
    return ResponseEntity.noContent().build();
  }
}
