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
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.platform.ConflictException;
import org.partnershippathways.platform.ForbiddenException;
import org.partnershippathways.platform.InvalidRequestException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a concern: a new case with its process instance, or a further concern on the person's open case.
 * Rows and process instance are written in one transaction (the engine joins Spring's transaction).
 */
@Service
public class ConcernIntake {

  static final int IDEMPOTENCY_KEY_MAX = 100;

  /** A new case, registered but not yet linked to its process instance. */
  public record RegisteredCase(String caseId, String reference, String concernId, VariableMap variables) {
  }

  private final CaseTable cases;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final ObjectMapper json;
  private final ZoneId zone;

  ConcernIntake(CaseTable cases, RuntimeService runtime, IdentityService identity, ApplicationEventPublisher events,
      TransactionTemplate transactions, ObjectMapper json, WorkingDayCalendar calendar) {
    this.cases = cases;
    this.runtime = runtime;
    this.identity = identity;
    this.events = events;
    this.transactions = transactions;
    this.json = json;
    this.zone = calendar.zone();
  }

  /** Validates and records a concern raised over the API; a repeated idempotency key answers the first result. */
  public ConcernReceipt raise(ConcernRequest request, String idempotencyKey, String raisedBy) {
    NewConcern concern = ConcernValidator.validate(request, today());
    String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
    if (key != null && key.length() > IDEMPOTENCY_KEY_MAX) {
      throw new InvalidRequestException("Idempotency-Key", "must be at most " + IDEMPOTENCY_KEY_MAX + " characters");
    }
    String hash = hash(request);
    try {
      return transactions.execute(status -> raiseInTransaction(concern, key, hash, raisedBy));
    } catch (AuthorizationException e) {
      throw new ForbiddenException("You may not start the pathway: " + e.getMessage());
    } catch (DuplicateKeyException sameKeyAtTheSameTime) {
      if (key == null) {
        throw sameKeyAtTheSameTime;
      }
      return transactions.execute(status -> replay(key, hash)).orElseThrow(() -> sameKeyAtTheSameTime);
    }
  }

  private ConcernReceipt raiseInTransaction(NewConcern concern, String key, String hash, String raisedBy) {
    cases.lockIntake();
    if (key != null) {
      Optional<ConcernReceipt> earlier = replay(key, hash);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    Optional<CaseTable.OpenCase> openCase = cases.findOpenCase(concern.person());
    if (openCase.isPresent()) {
      return asSystem(() -> addToOpenCase(openCase.get(), concern, key, hash, raisedBy));
    }
    RegisteredCase registered = registerNewCase(concern, key, hash, raisedBy);
    ProcessInstance instance = runtime.startProcessInstanceByKey(PathwayProcess.KEY, registered.reference(),
        registered.variables());
    cases.setProcessInstance(registered.caseId(), instance.getId());
    events.publishEvent(new ConcernRaised(registered.concernId(), registered.caseId(), registered.reference(), false));
    return new ConcernReceipt(registered.concernId(), registered.caseId(), registered.reference(), instance.getId(),
        false);
  }

  private Optional<ConcernReceipt> replay(String key, String hash) {
    return cases.findByIdempotencyKey(key).map(stored -> {
      if (stored.requestHash() != null && !stored.requestHash().equals(hash)) {
        throw new ConflictException("The Idempotency-Key " + key + " was already used for a different concern.");
      }
      return new ConcernReceipt(stored.concernId(), stored.caseId(), stored.reference(), stored.processInstanceId(),
          stored.joinedExistingCase());
    });
  }

  /** Creates the case and its first concern; the caller starts or continues the process instance. */
  public RegisteredCase registerNewCase(NewConcern concern, String key, String hash, String raisedBy) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    String caseId = UUID.randomUUID().toString();
    String reference = cases.nextReference(LocalDate.ofInstant(now, zone).getYear());
    int earlierConcerns = cases.countEarlierConcerns(concern.person());
    cases.insertCase(caseId, reference, concern, now);
    String concernId = cases.insertConcern(caseId, concern, false, key, hash, raisedBy, now);
    return new RegisteredCase(caseId, reference, concernId,
        PathwayProcess.startVariables(caseId, reference, concern, earlierConcerns));
  }

  /** Records the concern on the person's open case and tells its process (event sub-process "further concern"). */
  public ConcernReceipt addToOpenCase(CaseTable.OpenCase openCase, NewConcern concern, String key, String hash,
      String raisedBy) {
    String concernId = cases.insertConcern(openCase.caseId(), concern, true, key, hash, raisedBy,
        ClockUtil.getCurrentTime().toInstant());
    if (openCase.processInstanceId() != null) {
      runtime.createMessageCorrelation(PathwayProcess.FURTHER_CONCERN_MESSAGE)
          .processInstanceId(openCase.processInstanceId())
          .setVariablesLocal(PathwayProcess.furtherConcernVariables(concernId, concern))
          .correlateWithResult();
    }
    events.publishEvent(new ConcernRaised(concernId, openCase.caseId(), openCase.reference(), true));
    return new ConcernReceipt(concernId, openCase.caseId(), openCase.reference(), openCase.processInstanceId(), true);
  }

  public LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
  }

  /**
   * The referrer may not see or change the open case's process: our API decided who may raise concerns, the
   * correlation runs without the caller's engine authorizations.
   */
  private <T> T asSystem(Supplier<T> work) {
    Authentication authentication = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (authentication != null) {
        identity.setAuthentication(authentication);
      }
    }
  }

  private String hash(ConcernRequest request) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot fingerprint the concern", e);
    }
  }
}
