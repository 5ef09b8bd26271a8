package org.partnershippathways.intake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.json.SpinJsonNode;
import org.partnershippathways.platform.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RegisterConcern}: a case started from the Tasklist start form is registered here exactly as the API
 * registers it. A case started over the API is registered already (it has a {@code caseId}).
 */
@Component("registerConcern")
public class RegisterConcernDelegate implements JavaDelegate {

  private final ConcernIntake intake;
  private final CaseTable cases;

  public RegisterConcernDelegate(ConcernIntake intake, CaseTable cases) {
    this.intake = intake;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (execution.getVariable("caseId") != null) {
      defaultsForARegisteredCase(execution);
      return;
    }
    NewConcern concern;
    try {
      concern = ConcernValidator.validate(fromStartForm(execution), intake.today());
    } catch (InvalidRequestException e) {
      throw new ProcessEngineException("The concern cannot be registered: " + e.problems().stream()
          .map(problem -> problem.field() + " " + problem.message()).collect(Collectors.joining("; ")));
    }
    String raisedBy = Optional.ofNullable(execution.getProcessEngineServices().getIdentityService()
        .getCurrentAuthentication()).map(Authentication::getUserId).orElse(null);
    cases.lockIntake();
    Optional<CaseTable.OpenCase> openCase = cases.findOpenCase(concern.person());
    if (openCase.isPresent()) {
      intake.addToOpenCase(openCase.get(), concern, null, null, raisedBy);
      execution.setVariable("joinedExistingCase", true);
      execution.setVariable("caseId", openCase.get().caseId());
      execution.setVariable("caseReference", openCase.get().reference());
      return;
    }
    ConcernIntake.RegisteredCase registered = intake.registerNewCase(concern, null, null, raisedBy);
    execution.setVariables(registered.variables());
    execution.setProcessBusinessKey(registered.reference());
    cases.setProcessInstance(registered.caseId(), execution.getProcessInstanceId());
  }

  /**
   * A case registered before its process started (our API, or demo data) may lack variables that only the
   * pathway's later gateways read.
   */
  static void defaultsForARegisteredCase(DelegateExecution execution) {
    setIfMissing(execution, "joinedExistingCase", false);
    setIfMissing(execution, "meetingRound", 0);
    setIfMissing(execution, "earlierConcerns", 0);
    Object agency = execution.getVariable("referrerAgency");
    setIfMissing(execution, "referrerIsPartner",
        agency != null && org.partnershippathways.security.Agency.ofGroupId(agency.toString()).isPresent());
  }

  private static void setIfMissing(DelegateExecution execution, String name, Object value) {
    if (!execution.hasVariable(name)) {
      execution.setVariable(name, value);
    }
  }

  /** The start form's fields (forms/raise-concern.form) as a concern request. */
  static ConcernRequest fromStartForm(DelegateExecution execution) {
    return new ConcernRequest(
        new ConcernRequest.Referrer(text(execution, "referrerName"), text(execution, "referrerAgency"),
            text(execution, "referrerContact")),
        new ConcernRequest.Person(text(execution, "givenName"), text(execution, "familyName"),
            date(execution.getVariable("dateOfBirth")), text(execution, "nhsNumber"), text(execution, "address"),
            bool(execution.getVariable("child"))),
        categories(execution.getVariable("concernCategories")), text(execution, "description"),
        bool(execution.getVariable("immediateRisk")), bool(execution.getVariable("consentObtained")));
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }

  private static String date(Object value) {
    if (value instanceof Date date) {
      return new java.sql.Date(date.getTime()).toLocalDate().toString();
    }
    if (value == null) {
      return null;
    }
    String text = value.toString();
    // Camunda Forms' date picker may send a date-time
    return text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text;
  }

  private static Boolean bool(Object value) {
    if (value == null) {
      return false;
    }
    return value instanceof Boolean flag ? flag : Boolean.valueOf(value.toString());
  }

  /** A checklist arrives as a JSON array, a list, or comma-separated text. */
  static List<String> categories(Object value) {
    List<String> categories = new ArrayList<>();
    if (value instanceof SpinJsonNode node && node.isArray()) {
      node.elements().forEach(element -> categories.add(element.stringValue()));
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(element -> categories.add(String.valueOf(element)));
    } else if (value != null) {
      String text = value.toString().replace("[", "").replace("]", "").replace("\"", "");
      for (String part : text.split(",")) {
        if (!part.isBlank()) {
          categories.add(part.strip());
        }
      }
    }
    return categories;
  }
}
