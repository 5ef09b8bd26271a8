package org.partnershippathways.actions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.platform.FieldProblem;
import org.partnershippathways.platform.InvalidRequestException;
import org.partnershippathways.security.Agency;
import org.partnershippathways.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the actions of an action plan, at a multi-agency meeting or at a review. Each new action is
 * {@code OPEN}; the caller starts one {@code action-tracking} instance per returned id (the main process does so
 * with its multi-instance call activity over {@code actionIds}).
 */
@Service
public class ActionPlan {

  public static final Set<String> PRIORITIES = Set.of("HIGH", "MEDIUM", "LOW");
  private static final int MAX_DESCRIPTION = 2000;

  private final ActionTable records;
  private final CurrentUser currentUser;
  private final WorkingDayCalendar calendar;

  ActionPlan(ActionTable records, CurrentUser currentUser, WorkingDayCalendar calendar) {
    this.records = records;
    this.currentUser = currentUser;
    this.calendar = calendar;
  }

  /**
   * Validates and stores the actions, all or none.
   *
   * @return the ids of the new {@code pathway_action} rows, in the order given
   * @throws InvalidRequestException with one problem per wrong field, named {@code actions[i].field}
   */
  @Transactional
  public List<String> addActions(String caseId, String meetingId, List<NewAction> actions) {
    List<FieldProblem> problems = new ArrayList<>();
    if (caseId == null || caseId.isBlank()) {
      problems.add(new FieldProblem("caseId", "is required"));
    }
    for (int i = 0; i < actions.size(); i++) {
      problems.addAll(problemsOf(actions.get(i), "actions[" + i + "].", today()));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    String createdBy = currentUser.actingId();
    Instant now = Instant.now();
    return actions.stream().map(action -> records.insert(caseId, meetingId, action, createdBy, now)).toList();
  }

  /** Today in the pathway's time zone. */
  public LocalDate today() {
    return LocalDate.now(calendar.zone());
  }

  /** What is wrong with one action; field names get the given prefix. */
  public static List<FieldProblem> problemsOf(NewAction action, String prefix, LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    if (action.description() == null || action.description().isBlank()) {
      problems.add(new FieldProblem(prefix + "description", "is required"));
    } else if (action.description().length() > MAX_DESCRIPTION) {
      problems.add(new FieldProblem(prefix + "description", "is longer than " + MAX_DESCRIPTION + " characters"));
    }
    if (action.owningAgency() == null || action.owningAgency().isBlank()) {
      problems.add(new FieldProblem(prefix + "owningAgency", "is required"));
    } else if (Agency.ofGroupId(action.owningAgency()).isEmpty()) {
      problems.add(new FieldProblem(prefix + "owningAgency", "is not an agency of the pathway: police, health,"
          + " social-care or voluntary"));
    }
    if (action.dueDate() == null) {
      problems.add(new FieldProblem(prefix + "dueDate", "is required"));
    } else if (action.dueDate().isBefore(today)) {
      problems.add(new FieldProblem(prefix + "dueDate", "is in the past"));
    }
    if (action.priority() == null || !PRIORITIES.contains(action.priority())) {
      problems.add(new FieldProblem(prefix + "priority", "must be HIGH, MEDIUM or LOW"));
    }
    return problems;
  }
}
