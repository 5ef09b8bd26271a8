package org.partnershippathways.intake;

import org.partnershippathways.platform.InvalidTaskInput;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.partnershippathways.cases.Cases;
import org.partnershippathways.cases.DuplicateDecision;
import org.partnershippathways.platform.FormValues;
import org.partnershippathways.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ReviewPossibleDuplicate} on complete: the coordinator links the case to the open case whose person
 * it may be ({@code LINK}) or keeps the two apart ({@code KEEP_APART}), and says why; the decision is recorded on
 * the case. A link is then made by {@code ServiceTask_LinkToOtherCase}.
 */
@Component("reviewPossibleDuplicate")
record ReviewPossibleDuplicateListener(Cases cases) implements TaskListener {

  static final String LINK = "LINK";
  static final String KEEP_APART = "KEEP_APART";
  static final int REASON_MAX = 2000;

  @Override
  public void notify(DelegateTask task) {
    String decision = FormValues.text(task.getVariable("duplicateDecision"));
    String reason = FormValues.text(task.getVariable("duplicateReason"));
    List<String> problems = new ArrayList<>();
    if (!LINK.equals(decision) && !KEEP_APART.equals(decision)) {
      problems.add("choose whether to link the two cases or keep them apart");
    }
    if (reason == null) {
      problems.add("say why");
    } else if (reason.length() > REASON_MAX) {
      problems.add("keep the reason to " + REASON_MAX + " characters");
    }
    if (!problems.isEmpty()) {
      throw InvalidTaskInput.of("duplicateDecision", String.join(" and ", problems));
    }
    String decidedBy = CurrentUser.actingIn(task);
    cases.recordDuplicateDecision((String) task.getVariable("caseId"),
        LINK.equals(decision) ? DuplicateDecision.LINKED : DuplicateDecision.KEPT_APART, reason, decidedBy,
        ClockUtil.getCurrentTime().toInstant());
    task.setVariable("duplicateDecision", decision);
    if (LINK.equals(decision)) {
      // what ServiceTask_RecordDuplicateClosure records
      task.setVariable("closureOutcome", LinkToOtherCaseDelegate.DUPLICATE);
      task.setVariable("closureNotes", reason);
      task.setVariable("closedBy", decidedBy);
    }
  }
}
