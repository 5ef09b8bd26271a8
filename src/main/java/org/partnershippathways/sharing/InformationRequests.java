package org.partnershippathways.sharing;

import org.partnershippathways.platform.InvalidTaskInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.partnershippathways.security.Agency;
import org.springframework.stereotype.Component;

/**
 * What the information-sharing process records as it goes, called by its delegates and listeners (one record
 * each: {@code RequestSentListener} for {@code ${requestSent}}, ...). The data stays in our tables; the process gets
 * the agencies to ask and, at the end, a short summary for the coordinator's review.
 */
@Component
record InformationRequests(SharingTable records) {

  static final int SUMMARY_EXCERPT = 200;

  /** {@code agenciesToAsk}: the agencies the routing decision named, each once, in a stable order. */
  public void chooseAgencies(DelegateExecution execution) {
    Object routed = execution.getVariable("routedAgencies");
    Collection<?> names = routed instanceof Collection<?> collection ? collection : List.of();
    List<String> agencies = Arrays.stream(Agency.values())
        .map(Agency::groupId)
        .filter(groupId -> names.contains(groupId))
        .toList();
    execution.setVariable("agenciesToAsk", Variables.objectValue(new ArrayList<>(agencies))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    execution.removeVariable("routedAgencies");
  }

  public void sent(DelegateExecution execution) {
    records.requestSent(caseId(execution), agency(execution), execution.getProcessInstanceId());
  }

  public void chased(DelegateExecution execution) {
    records.chased(agency(execution), execution.getProcessInstanceId());
  }

  public void skipped(DelegateExecution execution) {
    records.close(caseId(execution), agency(execution), execution.getProcessInstanceId(),
        InformationRequestStatus.SKIPPED);
  }

  public void closedWithoutReply(DelegateExecution execution) {
    records.close(caseId(execution), agency(execution), execution.getProcessInstanceId(),
        InformationRequestStatus.CLOSED_WITHOUT_REPLY);
  }

  /** {@code partnerResponsesSummary}: one line per agency asked, for the coordinator's review task. */
  public void summarise(DelegateExecution execution) {
    List<String> lines = new ArrayList<>();
    for (InformationRequestView request : records.requestsOfInstance(execution.getProcessInstanceId())) {
      lines.add(line(request, records.responseTo(request.id())));
    }
    String summary = lines.isEmpty() ? "No agency was asked." : String.join("\n", lines);
    execution.setVariable("partnerResponsesSummary", summary);
  }

  /** Names a coordinator's task after the agency it is about, so that Tasklist's list tells them apart. */
  public void nameAfterAgency(DelegateTask task) {
    String agency = (String) task.getVariable("agency");
    task.setName(task.getName() + ": " + Agency.nameOf(agency));
  }

  /** A task listener check that a decision was chosen from the allowed values (forms can be bypassed by REST). */
  public <E extends Enum<E>> void checkDecision(DelegateTask task, String variable, Class<E> allowed) {
    Object value = task.getVariable(variable);
    List<String> choices = Arrays.stream(allowed.getEnumConstants()).map(Enum::name).toList();
    if (value == null || !choices.contains(value.toString())) {
      throw InvalidTaskInput.of(variable, "must be chosen from the list");
    }
  }

  private static String line(InformationRequestView request, Optional<PartnerResponseView> response) {
    String agency = Agency.nameOf(request.agency());
    return switch (request.status()) {
      case ANSWERED -> response.map(reply -> agency + ": " + (reply.holdsInformation()
              ? "holds information: " + excerpt(reply.summary())
              : "holds no information" + (reply.summary().isBlank() ? "" : ": " + excerpt(reply.summary()))))
          .orElse(agency + ": replied");
      case SKIPPED -> agency + ": not asked (the request was rejected and skipped)";
      case CLOSED_WITHOUT_REPLY -> agency + ": no reply (went on without it)";
      case WAITING -> agency + ": no reply yet";
      case ENDED -> agency + ": no reply; the request ended (consent withdrawn)";
    };
  }

  private static String excerpt(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= SUMMARY_EXCERPT ? oneLine : oneLine.substring(0, SUMMARY_EXCERPT - 3) + "...";
  }

  private static String caseId(DelegateExecution execution) {
    return (String) execution.getVariable("caseId");
  }

  private static String agency(DelegateExecution execution) {
    return (String) execution.getVariable("agency");
  }
}
