package org.partnershippathways.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.camunda.bpm.engine.variable.VariableMap;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.cases.Cases;
import org.partnershippathways.cases.OpenCase;
import org.partnershippathways.cases.OpenedCase;
import org.partnershippathways.cases.RaisedConcern;
import org.partnershippathways.cases.RecordedConcern;
import org.partnershippathways.platform.ConflictException;
import org.partnershippathways.platform.ForbiddenException;
import org.partnershippathways.platform.InvalidRequestException;
import org.partnershippathways.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a concern comes in, over our API or from the Tasklist start form: validated, matched to the person's
 * open case or registered as a new case, and its pathway started or told. Rows and process instance are written
 * in one transaction (the engine joins Spring's transaction).
 */
@Service
public class ConcernIntake {

  static final int IDEMPOTENCY_KEY_MAX = 100;

  /** How the pathway instance of a concern comes to be: started by intake, or the start form's own. */
  private interface PathwayInstance {

    /** Starts (or becomes) the new case's pathway; returns the process instance id. */
    String startNewCase(String reference, VariableMap variables);

    /** The concern joined the person's open case, whose pathway was told. */
    void joinedOpenCase(OpenCase openCase);
  }

  private final Cases cases;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final CurrentUser currentUser;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final ObjectMapper json;
  private final ZoneId zone;

  public ConcernIntake(Cases cases, RuntimeService runtime, RepositoryService repository, CurrentUser currentUser,
      ApplicationEventPublisher events, TransactionTemplate transactions, ObjectMapper json,
      WorkingDayCalendar calendar) {
    this.cases = cases;
    this.runtime = runtime;
    this.repository = repository;
    this.currentUser = currentUser;
    this.events = events;
    this.transactions = transactions;
    this.json = json;
    this.zone = calendar.zone();
  }

  /**
   * A concern raised over the API in the partnership (a new case belongs to it; only its cases are matched); a
   * repeated idempotency key answers the first result.
   */
  public ConcernReceipt raise(ConcernRequest request, String idempotencyKey, String raisedBy, String partnershipId) {
    NewConcern concern = ConcernValidator.validate(request, today());
    String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
    if (key != null && key.length() > IDEMPOTENCY_KEY_MAX) {
      throw new InvalidRequestException("Idempotency-Key", "must be at most " + IDEMPOTENCY_KEY_MAX + " characters");
    }
    String hash = hash(partnershipId, request);
    PathwayInstance startedByIntake = new PathwayInstance() {
      @Override
      public String startNewCase(String reference, VariableMap variables) {
        // the controller decided who may raise concerns; only intake starts the pathway with a caseId
        return currentUser.asSystem(() -> pathwayOf(partnershipId).businessKey(reference).setVariables(variables)
            .execute().getId());
      }

      @Override
      public void joinedOpenCase(OpenCase openCase) {
      }
    };
    try {
      return transactions.execute(status -> {
        cases.lockIntake(concern.person());
        Optional<ConcernReceipt> earlier = key == null ? Optional.empty() : replay(key, hash);
        return earlier.orElseGet(() -> record(concern.raised(raisedBy, partnershipId, key, hash), concern, startedByIntake));
      });
    } catch (DuplicateKeyException sameKeyAtTheSameTime) {
      if (key == null) {
        throw sameKeyAtTheSameTime;
      }
      return transactions.execute(status -> replay(key, hash)).orElseThrow(() -> sameKeyAtTheSameTime);
    }
  }

  /**
   * A concern from the Tasklist start form ({@code ServiceTask_RegisterConcern}), in the transaction that started the
   * form's process instance: that instance becomes the new case's pathway, or ends when the concern joins the
   * person's open case.
   */
  public ConcernReceipt raiseFromStartForm(ConcernRequest request, String raisedBy, DelegateExecution formInstance) {
    NewConcern concern = ConcernValidator.validate(request, today());
    if (formInstance.getTenantId() == null) {
      throw new ForbiddenException("Your account belongs to no partnership, so a concern you raise would belong to"
          + " none. Ask your administrator to add you to your partnership.");
    }
    cases.lockIntake(concern.person());
    return record(concern.raised(raisedBy, formInstance.getTenantId(), null, null), concern, new PathwayInstance() {
      @Override
      public String startNewCase(String reference, VariableMap variables) {
        formInstance.setVariables(variables);
        formInstance.setProcessBusinessKey(reference);
        return formInstance.getProcessInstanceId();
      }

      @Override
      public void joinedOpenCase(OpenCase openCase) {
        formInstance.setVariable("joinedExistingCase", true);
        formInstance.setVariable("caseId", openCase.caseId());
        formInstance.setVariable("caseReference", openCase.reference());
      }
    });
  }

  private ConcernReceipt record(RaisedConcern raised, NewConcern concern, PathwayInstance pathway) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    PersonMatch match = PersonMatch.of(concern.person(), cases.openCasesLike(concern.person(), raised.partnershipId()));
    Optional<OpenCase> openCase = match.sameCase();
    ConcernReceipt receipt;
    if (openCase.isPresent()) {
      String concernId = cases.addConcern(openCase.get().caseId(), raised, now);
      tellTheOpenCase(openCase.get(), new RecordedConcern(concernId, concern.categoryNames(),
          concern.immediateRisk(), concern.referrer()));
      pathway.joinedOpenCase(openCase.get());
      receipt = new ConcernReceipt(concernId, openCase.get().caseId(), openCase.get().reference(),
          openCase.get().processInstanceId(), true);
    } else {
      OpenedCase opened = cases.open(concern.person(), raised, now, zone);
      VariableMap variables =
          PathwayProcess.startVariables(opened.caseId(), opened.reference(), concern, opened.earlierConcerns());
      match.possibleDuplicateOf().ifPresent(other -> {
        cases.markPossibleDuplicate(opened.caseId(), other.caseId());
        variables.putValue(PathwayProcess.POSSIBLE_DUPLICATE_OF, other.reference())
            .putValue(PathwayProcess.POSSIBLE_DUPLICATE_CASE_ID, other.caseId());
      });
      String processInstanceId = pathway.startNewCase(opened.reference(), variables);
      cases.linkProcessInstance(opened.caseId(), processInstanceId);
      receipt = new ConcernReceipt(opened.concernId(), opened.caseId(), opened.reference(), processInstanceId, false);
    }
    events.publishEvent(new ConcernRaised(receipt.concernId(), receipt.caseId(), receipt.caseReference(),
        receipt.joinedExistingCase()));
    return receipt;
  }

  /**
   * The open case's pathway reviews the further concern (event sub-process). The referrer may not see or change
   * that process: intake decided who may raise concerns, so the message goes as the system.
   */
  void tellTheOpenCase(OpenCase openCase, RecordedConcern concern) {
    if (openCase.processInstanceId() != null) {
      currentUser.asSystem(() -> runtime.createMessageCorrelation(PathwayProcess.FURTHER_CONCERN_MESSAGE)
          .processInstanceId(openCase.processInstanceId())
          .setVariablesLocal(PathwayProcess.furtherConcernVariables(concern))
          .correlateWithResult());
    }
  }

  /** The shared pathway, or the partnership's own version where it deployed one (for its tenant). */
  private ProcessInstantiationBuilder pathwayOf(String partnershipId) {
    ProcessInstantiationBuilder start = runtime.createProcessInstanceByKey(PathwayProcess.KEY);
    boolean ownVersion = repository.createProcessDefinitionQuery().processDefinitionKey(PathwayProcess.KEY)
        .tenantIdIn(partnershipId).count() > 0;
    return ownVersion ? start.processDefinitionTenantId(partnershipId) : start.processDefinitionWithoutTenantId();
  }

  private Optional<ConcernReceipt> replay(String key, String hash) {
    return cases.concernWithKey(key).map(stored -> {
      if (stored.requestHash() != null && !stored.requestHash().equals(hash)) {
        throw new ConflictException("The Idempotency-Key " + key + " was already used for a different concern.");
      }
      return new ConcernReceipt(stored.concernId(), stored.caseId(), stored.reference(), stored.processInstanceId(),
          stored.joinedExistingCase());
    });
  }

  LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
  }

  /** The request's fingerprint in its partnership: one partnership's key never replays another's concern. */
  private String hash(String partnershipId, ConcernRequest request) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((partnershipId + "\n" + json.writeValueAsString(request)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot fingerprint the concern", e);
    }
  }
}
