package org.partnershippathways.consent;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Completion of the Caldicott guardian's "Decide on sharing without consent": checks that a yes names a lawful
 * basis and a scope, records the decision (superseding the consent record) and sets {@code sharingPermitted} and
 * {@code sharingScope}.
 */
@Component("decideSharingWithoutConsent")
public record DecideSharingWithoutConsentListener(SharingDecisions decisions, WorkingDayCalendar calendar)
    implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    ConsentForms.SharingWithoutConsent decision = ConsentForms.sharingWithoutConsent(
        task.getVariable("shareWithoutConsent"), task.getVariable("lawfulBasis"), task.getVariable("decidedScope"),
        task.getVariable("decisionRationale"), new ConsentForms.Coverage(task.getVariable("sharingAgencies"),
            task.getVariable("sharingPurposes"), task.getVariable("sharingValidUntil"), calendar.zone(),
            ClockUtil.getCurrentTime().toInstant()));
    String caseId = (String) task.getVariable("caseId");
    ConsentStatus status = ConsentStatus.valueOf((String) task.getVariable("consentOutcome"));
    String decidedBy = CurrentUser.actingIn(task);
    String decisionId;
    if (decision.share()) {
      decisionId = decisions.recordLawfulBasis(caseId, status, decision.lawfulBasis(), decision.scope(),
          decision.coverage(), decision.rationale(), decidedBy, task.getProcessInstanceId());
      task.getExecution().setVariable("sharingPermitted", true);
      task.getExecution().setVariable("sharingScope", decision.scope().name());
    } else {
      decisionId = decisions.recordNoSharing(caseId, status, decision.rationale(), decidedBy,
          task.getProcessInstanceId());
      task.getExecution().setVariable("sharingPermitted", false);
      task.getExecution().setVariable("sharingScope", null);
    }
    task.getExecution().setVariable("sharingDecisionId", decisionId);
  }
}
