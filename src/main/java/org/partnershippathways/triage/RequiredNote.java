package org.partnershippathways.triage;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnershippathways.platform.FormValues;
import org.partnershippathways.platform.InvalidTaskInput;
import org.partnershippathways.platform.TextRules;

/**
 * A note a step-up task's form requires, checked again on completion: Tasklist's form is not the only door (the
 * engine's REST API completes tasks too), so the note must be there, readable and at most 2000 characters.
 */
final class RequiredNote {

  static final int MAX_LENGTH = 2000;

  private RequiredNote() {
  }

  static void check(DelegateTask task, String field, String whenMissing) {
    String note = FormValues.text(task.getVariable(field));
    if (note == null) {
      throw InvalidTaskInput.of(field, whenMissing);
    }
    if (note.length() > MAX_LENGTH) {
      throw InvalidTaskInput.of(field, "is longer than " + MAX_LENGTH + " characters");
    }
    TextRules.problemOfText(note).ifPresent(problem -> {
      throw InvalidTaskInput.of(field, problem);
    });
  }
}
