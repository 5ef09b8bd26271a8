package org.partnershippathways.triage;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.partnershippathways.platform.FieldProblem;
import org.partnershippathways.platform.FormValues;
import org.partnershippathways.platform.InvalidTaskInput;
import org.partnershippathways.platform.TextRules;
import org.springframework.stereotype.Component;

/**
 * The note a step-up task's form requires, checked again on completion ({@code ${stepUpNoteCheck}}): Tasklist's
 * form is not the only door (the engine's REST API completes tasks too). {@code Task_EscalatedStatutoryReferral}:
 * what the social care manager or the out-of-hours duty officer did to get the overdue referral decided;
 * {@code Task_ResolveRejectedPoliceNotification} and {@code ...SocialCareNotification}: how the coordinator told the
 * agency whose system refused the immediate-risk notification.
 */
@Component("stepUpNoteCheck")
class StepUpNoteCheck implements TaskListener {

  static final int MAX_LENGTH = 2000;

  private static final FieldProblem ESCALATION = new FieldProblem("referralEscalationNote",
      "is needed: say what you did to get the referral decided (whom you reached, and when)");
  private static final FieldProblem TOLD_ANOTHER_WAY = new FieldProblem("notificationResolution",
      "is needed: say how you told the agency of the immediate risk");
  private static final Map<String, FieldProblem> NOTE_OF_TASK = Map.of(
      "Task_EscalatedStatutoryReferral", ESCALATION,
      "Task_ResolveRejectedPoliceNotification", TOLD_ANOTHER_WAY,
      "Task_ResolveRejectedSocialCareNotification", TOLD_ANOTHER_WAY);

  @Override
  public void notify(DelegateTask task) {
    FieldProblem missing = NOTE_OF_TASK.get(task.getTaskDefinitionKey());
    if (missing == null) {
      throw new IllegalStateException("No note is checked for task " + task.getTaskDefinitionKey());
    }
    String field = missing.field();
    String note = FormValues.text(task.getVariable(field));
    if (note == null) {
      throw new InvalidTaskInput(List.of(missing));
    }
    if (note.length() > MAX_LENGTH) {
      throw InvalidTaskInput.of(field, "is longer than " + MAX_LENGTH + " characters");
    }
    TextRules.problemOfText(note).ifPresent(problem -> {
      throw InvalidTaskInput.of(field, problem);
    });
  }
}
