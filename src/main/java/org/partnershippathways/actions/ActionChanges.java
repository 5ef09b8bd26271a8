package org.partnershippathways.actions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.partnershippathways.platform.ConflictException;
import org.partnershippathways.platform.FieldProblem;
import org.partnershippathways.platform.ForbiddenException;
import org.partnershippathways.platform.InvalidRequestException;
import org.partnershippathways.platform.NotFoundException;
import org.partnershippathways.platform.TextRules;
import org.partnershippathways.security.Agency;
import org.partnershippathways.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reassigning an open action to another agency or moving its due date: by coordinators and managers, with a
 * reason kept in {@code action_change}. The running tracking instance restarts its task and timers, in the same
 * transaction, so the table and the process never disagree.
 */
@Service
class ActionChanges {

  static final String REASSIGNED = "REASSIGNED";
  static final String DUE_DATE_MOVED = "DUE_DATE_MOVED";
  private static final int MAX_REASON = 2000;

  private final ActionTable records;
  private final ActionTrackingProcess tracking;
  private final ActionPlan plan;
  private final CurrentUser currentUser;

  ActionChanges(ActionTable records, ActionTrackingProcess tracking, ActionPlan plan, CurrentUser currentUser) {
    this.records = records;
    this.tracking = tracking;
    this.plan = plan;
    this.currentUser = currentUser;
  }

  @Transactional
  ActionView reassign(String actionId, ReassignRequest request) {
    requireCoordinatorOrManager();
    List<FieldProblem> problems = new ArrayList<>();
    String agency = request == null ? null : request.agency();
    if (agency == null || agency.isBlank()) {
      problems.add(new FieldProblem("agency", "is required"));
    } else if (Agency.ofGroupId(agency).isEmpty()) {
      problems.add(new FieldProblem("agency", "is not an agency of the pathway: police, health, social-care or"
          + " voluntary"));
    }
    checkReason(request == null ? null : request.reason(), problems);
    ActionRecord action = openAction(actionId, problems);
    if (agency != null && agency.equals(action.owningAgency())) {
      throw new InvalidRequestException("agency", "already owns this action");
    }
    records.reassign(actionId, agency);
    records.recordChange(actionId, REASSIGNED, action.owningAgency(), agency, request.reason().strip(),
        currentUser.requireUserId(), Instant.now());
    tracking.actionChanged(action.processInstanceId(), Map.of("owningAgency", agency));
    return view(actionId);
  }

  @Transactional
  ActionView moveDueDate(String actionId, DueDateRequest request) {
    requireCoordinatorOrManager();
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate dueDate = request == null ? null : request.dueDate();
    if (dueDate == null) {
      problems.add(new FieldProblem("dueDate", "is required (YYYY-MM-DD)"));
    } else if (dueDate.isBefore(plan.today())) {
      problems.add(new FieldProblem("dueDate", "is in the past"));
    }
    checkReason(request == null ? null : request.reason(), problems);
    ActionRecord action = openAction(actionId, problems);
    if (dueDate.equals(action.dueDate())) {
      throw new InvalidRequestException("dueDate", "is already the due date of this action");
    }
    records.moveDueDate(actionId, dueDate);
    records.recordChange(actionId, DUE_DATE_MOVED, action.dueDate().toString(), dueDate.toString(),
        request.reason().strip(), currentUser.requireUserId(), Instant.now());
    tracking.actionChanged(action.processInstanceId(), Map.of());
    return view(actionId);
  }

  private ActionRecord openAction(String actionId, List<FieldProblem> problems) {
    ActionRecord action = records.find(actionId)
        .orElseThrow(() -> new NotFoundException("No action " + actionId));
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    if (!action.isOpen()) {
      throw new ConflictException("The action is closed (" + action.status() + ") and can no longer be changed");
    }
    return action;
  }

  private static void checkReason(String reason, List<FieldProblem> problems) {
    TextRules.requiredText("reason", reason, MAX_REASON, "is required").ifPresent(problems::add);
  }

  private void requireCoordinatorOrManager() {
    if (!currentUser.isCoordinator() && !currentUser.isManager()) {
      throw new ForbiddenException("Only coordinators and managers may change an action");
    }
  }

  private ActionView view(String actionId) {
    return records.findView(actionId, plan.today()).orElseThrow();
  }
}
