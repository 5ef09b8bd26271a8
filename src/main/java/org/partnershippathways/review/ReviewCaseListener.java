package org.partnershippathways.review;

import org.partnershippathways.platform.InvalidTaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.partnershippathways.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ReviewCase} on complete: checks and records the outcome; a closing outcome becomes the
 * {@code closureOutcome}; outcomes not met after {@code pathways.review.max-rounds} meeting rounds go to managers.
 */
@Component("reviewCase")
public record ReviewCaseListener(ReviewTable reviews, @Value("${pathways.review.max-rounds:3}") int maxRounds) implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    ReviewOutcome outcome = outcome(task.getVariable("reviewOutcome"));
    int round = meetingRound(task);
    String reviewer = CurrentUser.actingIn(task);
    String notes = (String) task.getVariable("reviewNotes");
    reviews.insertReview((String) task.getVariable("caseId"), round, outcome.name(), notes, reviewer,
        ClockUtil.getCurrentTime().toInstant());
    task.setVariable("reviewOutcome", outcome.name());
    task.setVariable("closesCase", outcome.closesTheCase());
    task.setVariable("roundsExhausted", round >= maxRounds);
    if (outcome.closesTheCase()) {
      task.setVariable("closureOutcome", ClosureOutcome.valueOf(outcome.name()).name());
      task.setVariable("closureNotes", notes);
      task.setVariable("closedBy", reviewer);
    }
  }

  private static ReviewOutcome outcome(Object value) {
    try {
      return ReviewOutcome.valueOf(String.valueOf(value));
    } catch (IllegalArgumentException e) {
      throw InvalidTaskInput.of("reviewOutcome", "must be chosen from the list");
    }
  }

  static int meetingRound(DelegateTask task) {
    Object round = task.getVariable("meetingRound");
    return round instanceof Number number ? number.intValue() : 1;
  }
}
