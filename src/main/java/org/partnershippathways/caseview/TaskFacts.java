package org.partnershippathways.caseview;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a task's decision needs, in words and UK dates, read from our tables when the task is opened (never copied
 * into process variables). {@code personal} says whether the task's candidate groups may see the person and the
 * concerns (the partnership hub's tasks); for other tasks those parts are left out. {@code caseId} opens the case's
 * summary and chronology ({@link CaseViews}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TaskFacts(String caseId, String caseReference, String task, boolean personal, Person person, List<String> categories,
    Boolean immediateRisk, List<Concern> concerns, List<EarlierConcern> earlierConcerns, String riskRating,
    Proposal proposal) {

  /** The person: name, age in years and date of birth (dd/mm/yyyy). */
  record Person(String name, int age, String dateOfBirth, boolean child) {
  }

  /** A concern on this case: raised on (dd/mm/yyyy), about what, by whom. */
  record Concern(String raisedOn, List<String> categories, String description, String referrer,
      String referrerAgency, boolean immediateRisk) {
  }

  /** A concern about the same person on another case, raised before this case was opened. */
  record EarlierConcern(String caseReference, String raisedOn, List<String> categories) {
  }

  /** The triage rules' proposal, in words ("Green", "Standard", "within 10 working days"). */
  record Proposal(String riskRating, String urgency, String meetingWithin) {
  }
}
