package org.partnershippathways.consent;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Completion of "Record consent": checks the entry, records the decision (with the agencies, purposes and last day
 * it covers) and sets {@code consentOutcome}, and, when consent was given, {@code sharingPermitted} and
 * {@code sharingScope}.
 */
@Component("recordConsent")
public record RecordConsentListener(SharingDecisions decisions, WorkingDayCalendar calendar) implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    ConsentForms.ConsentRecord consent = ConsentForms.consentRecord(task.getVariable("consentStatus"),
        task.getVariable("consentGivenBy"), task.getVariable("consentScope"),
        task.getVariable("consentNotGivenReason"), new ConsentForms.Coverage(task.getVariable("consentAgencies"),
            task.getVariable("consentPurposes"), task.getVariable("consentValidUntil"), calendar.zone(),
            ClockUtil.getCurrentTime().toInstant()));
    String caseId = (String) task.getVariable("caseId");
    String decidedBy = CurrentUser.actingIn(task);
    String decisionId;
    if (consent.status() == ConsentStatus.GIVEN) {
      decisionId = decisions.recordConsentGiven(caseId, consent.givenBy(), consent.scope(), consent.coverage(),
          decidedBy, task.getProcessInstanceId());
      task.getExecution().setVariable("sharingPermitted", true);
      task.getExecution().setVariable("sharingScope", consent.scope().name());
    } else {
      decisionId = decisions.recordConsentNotGiven(caseId, consent.status(), consent.reasonNotGiven(), decidedBy,
          task.getProcessInstanceId());
      task.getExecution().setVariable("sharingPermitted", false);
      task.getExecution().setVariable("sharingScope", null);
    }
    task.getExecution().setVariable("consentOutcome", consent.status().name());
    task.getExecution().setVariable("sharingDecisionId", decisionId);
  }
}
