package org.partnershippathways.meeting;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.partnershippathways.actions.ActionPlan;
import org.partnershippathways.actions.NewAction;
import org.partnershippathways.platform.FieldProblem;
import org.partnershippathways.platform.FormValues;

/**
 * The form {@code record-decisions-and-actions}: the decisions of the meeting and up to {@value #ROWS} action rows
 * ({@code action1Description}, {@code action1Agency}, {@code action1DueDate}, {@code action1Priority}, ...). A row
 * with any field filled in is an action and must be complete. Camunda 7.24 Tasklist's form-js knows a dynamic list,
 * but how Tasklist submits a list of objects as a variable is unverified, so the rows are fixed.
 */
record ActionPlanForm(String decisions, boolean noActionsNeeded, List<NewAction> actions, List<FieldProblem> problems) {

  static final int ROWS = 6;

  static ActionPlanForm read(Map<String, Object> variables, LocalDate today, ZoneId zone) {
    List<FieldProblem> problems = new ArrayList<>();
    String decisions = FormValues.text(variables.get("decisions"));
    boolean noActionsNeeded = FormValues.yes(variables.get("noActionsNeeded"));
    if (decisions == null) {
      problems.add(new FieldProblem("decisions", "is required"));
    }
    List<NewAction> actions = new ArrayList<>();
    for (int row = 1; row <= ROWS; row++) {
      String prefix = "action" + row;
      Object description = variables.get(prefix + "Description");
      Object agency = variables.get(prefix + "Agency");
      Object dueDate = variables.get(prefix + "DueDate");
      Object priority = variables.get(prefix + "Priority");
      if (Stream.of(description, agency, dueDate, priority).allMatch(value -> FormValues.text(value) == null)) {
        continue;
      }
      LocalDate due = null;
      try {
        due = FormValues.day(dueDate, zone).orElse(null);
      } catch (DateTimeParseException e) {
        problems.add(new FieldProblem(prefix + "DueDate", "is not a date"));
      }
      NewAction action = new NewAction(FormValues.text(description), FormValues.text(agency), due,
          FormValues.text(priority));
      for (FieldProblem problem : ActionPlan.problemsOf(action, "", today)) {
        if (!(problem.field().equals("dueDate") && due == null && FormValues.text(dueDate) != null)) {
          problems.add(new FieldProblem(prefix + formKey(problem.field()), problem.message()));
        }
      }
      actions.add(action);
    }
    if (actions.isEmpty() && !noActionsNeeded) {
      problems.add(new FieldProblem("action1Description",
          "is required: record at least one action, or tick \"No actions needed\""));
    }
    if (!actions.isEmpty() && noActionsNeeded) {
      problems.add(new FieldProblem("noActionsNeeded", "cannot be ticked when actions are listed"));
    }
    return new ActionPlanForm(decisions, noActionsNeeded, actions, problems);
  }

  private static String formKey(String field) {
    return switch (field) {
      case "owningAgency" -> "Agency";
      default -> Character.toUpperCase(field.charAt(0)) + field.substring(1);
    };
  }
}
