package org.partnershippathways.partners;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.partnershippathways.notifications.Notifications;
import org.partnershippathways.security.Agency;
import org.partnershippathways.security.CurrentUser;
import org.partnershippathways.security.PathwayGroups;
import org.springframework.stereotype.Component;

/**
 * {@code ${partnerRequest}}: sends the request of an asynchronous service task through the gateway. Input
 * parameters {@code agency} (group id), {@code requestType}, optional {@code purpose}; the case from {@code caseId}.
 * A refusal becomes BPMN error {@code PARTNER_REJECTED}, and the coordinators, whose task resolves it, are
 * e-mailed; a transient fault fails the job so that it retries.
 */
@Component("partnerRequest")
record PartnerRequestDelegate(PartnerGateway gateway, Notifications notifications) implements JavaDelegate {

  public static final String PARTNER_REJECTED = "PARTNER_REJECTED";

  @Override
  public void execute(DelegateExecution execution) {
    String agencyId = (String) execution.getVariable("agency");
    Agency agency = Agency.ofGroupId(agencyId)
        .orElseThrow(() -> new IllegalArgumentException("Unknown agency '" + agencyId + "' at "
            + execution.getCurrentActivityId()));
    PartnerRequestType type = PartnerRequestType.valueOf((String) execution.getVariable("requestType"));
    Object purpose = execution.getVariable("purpose");
    PartnerRequest request = new PartnerRequest((String) execution.getVariable("caseId"), step(execution), agency,
        type, purpose == null ? null : purpose.toString(), CurrentUser.actingIn(execution));
    // set before anything can fail: output mappings of the task read it on the rejection path too
    execution.setVariableLocal("partnerReference", null);
    try {
      PartnerReceipt receipt = gateway.send(request);
      execution.setVariableLocal("partnerReference", receipt.partnerReference());
    } catch (PartnerRejectedException e) {
      notifications.partnerRefused(request.caseId(), agency.groupId(), PathwayGroups.COORDINATORS);
      throw new BpmnError(PARTNER_REJECTED, e.getMessage());
    } catch (SharingNotPermittedException e) {
      // retrying cannot help; the coordinator's task after the rejection boundary is where consent gets sorted
      throw new BpmnError(PARTNER_REJECTED, e.getMessage());
    }
  }

  /**
   * The activity id, with the loop counter inside a multi-instance, and the job that runs it: a job retried after a
   * timeout is the same job and so sends the same key, while the same step reached again (another meeting round,
   * the step-up called a second time) is a new job and a new request. The engine's public API does not name the
   * running job, hence its command context; outside a job (a test calling the delegate) the execution stands in.
   */
  static String step(DelegateExecution execution) {
    Object loopCounter = execution.getVariableLocal("loopCounter");
    if (loopCounter == null) {
      loopCounter = execution.getVariable("loopCounter");
    }
    String activity = loopCounter == null ? execution.getCurrentActivityId()
        : execution.getCurrentActivityId() + "#" + loopCounter;
    CommandContext command = Context.getCommandContext();
    JobEntity job = command == null ? null : command.getCurrentJob();
    return activity + "@" + (job != null ? job.getId() : execution.getId());
  }
}
