package org.partnershippathways.review;

import org.partnershippathways.platform.InvalidTaskInput;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.partnershippathways.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ManagerReviewOfRounds} on complete: after the maximum number of rounds a manager decides on another
 * round, a step-up or closure (outcome {@code OUTCOMES_NOT_MET}); a reason is required.
 */
@Component("managerReviewOfRounds")
public record ManagerReviewOfRoundsListener(ReviewTable reviews) implements TaskListener {

  static final Set<String> DECISIONS = Set.of("ANOTHER_ROUND", "STEP_UP", "CLOSE");

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable("managerDecision");
    if (decision == null || !DECISIONS.contains(decision.toString())) {
      throw InvalidTaskInput.of("managerDecision", "must be another round, step-up or closure");
    }
    Object reason = task.getVariable("managerReason");
    if (reason == null || reason.toString().isBlank()) {
      throw InvalidTaskInput.of("managerReason", "is needed: say why you decided so");
    }
    String manager = CurrentUser.actingIn(task);
    reviews.insertReview((String) task.getVariable("caseId"), ReviewCaseListener.meetingRound(task),
        "MANAGER_" + decision, reason.toString().strip(), manager, ClockUtil.getCurrentTime().toInstant());
    if ("CLOSE".equals(decision)) {
      task.setVariable("closureOutcome", ClosureOutcome.OUTCOMES_NOT_MET.name());
      task.setVariable("closureNotes", reason.toString().strip());
      task.setVariable("closedBy", manager);
    }
  }
}
