package org.partnershippathways.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.platform.FormValues;
import org.partnershippathways.platform.InvalidTaskInput;
import org.partnershippathways.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RenewOrCloseConsent} on complete: renew records the same decision again to a new last day (it
 * supersedes the one ending); close records nothing, and sharing ends after the last day. A consent withdrawn or
 * replaced meanwhile cannot be renewed. Sets {@code consentRenewed}.
 */
@Component("renewOrCloseConsent")
record RenewOrCloseConsentListener(SharingDecisions decisions, WorkingDayCalendar calendar) implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String decision = FormValues.text(task.getVariable("renewalDecision"));
    String note = FormValues.text(task.getVariable("renewalNote"));
    if (!"RENEW".equals(decision) && !"CLOSE".equals(decision)) {
      throw InvalidTaskInput.of("renewalDecision", "must say whether you renew the consent or close it");
    }
    if (note == null) {
      throw InvalidTaskInput.of("renewalNote", "is needed: say who agreed and how, or why sharing ends");
    }
    boolean renew = "RENEW".equals(decision);
    if (renew) {
      SharingDecision ending = decisions.byId((String) task.getVariable("sharingDecisionId"))
          .filter(found -> found.supersededAt() == null)
          .orElseThrow(() -> InvalidTaskInput.of("renewalDecision", "cannot be renew: this consent is no longer in"
              + " force (it was withdrawn or replaced); close this task"));
      List<String> problems = new ArrayList<>();
      Instant now = ClockUtil.getCurrentTime().toInstant();
      Instant until = ConsentForms.coverage(ending.coverage().agencyColumn(), ending.coverage().purposeColumn(),
          task.getVariable("renewedValidUntil"), calendar.zone(), now, problems).validUntil();
      if (!problems.isEmpty()) {
        throw InvalidTaskInput.of("renewedValidUntil", String.join("; ", problems));
      }
      task.setVariable("sharingDecisionId", decisions.renew(ending, until, "Renewed: " + note,
          CurrentUser.actingIn(task)));
    }
    task.setVariable("consentRenewed", renew);
  }
}
