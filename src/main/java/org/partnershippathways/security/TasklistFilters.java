package org.partnershippathways.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;

/** The filters every Tasklist user sees: their groups' tasks, their own tasks, and what is overdue. */
record TasklistFilters(FilterService filters, TaskService tasks) {

  /** The task variables shown as columns; {@link TaskCaseColumns} sets them on each task. */
  private static final List<Map<String, String>> CASE_COLUMNS = List.of(
      Map.of("name", TaskCaseColumns.CASE_REFERENCE, "label", "Case"),
      Map.of("name", TaskCaseColumns.RISK_LABEL, "label", "Risk"));

  /** Which version of the filters' settings a filter has; raise it whenever {@link #create()} changes. */
  static final String SETTINGS = "4: agency first, claimed included, urgent first, risk in words, AA colours";

  /**
   * Sets the filters as they are meant to be, at every start: the first is the user's agency's open work, claimed or
   * not (issue 19), then the user's own tasks, then what is overdue. Each lists the most urgent first: earliest due
   * date, then highest priority (the case's risk rating, {@link TaskCaseColumns}); Tasklist itself sorts by what
   * the user picks, by default the same ({@code plugin-webapp/pathway-case}).
   */
  void create() {
    // Each filter's colour is its name's colour in the list: 4.5:1 or more on white (WCAG 2.2 AA).
    set("My agency's tasks", "Open tasks of my groups, claimed or not", -10, "#267a4c",
        urgentFirst(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks()));
    set("My tasks", "Tasks assigned to me", -5, "#2f6eab",
        urgentFirst(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
    set("Overdue", "Tasks of my groups or mine that are past their due date", 0, "#c0392b",
        urgentFirst(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().dueBeforeExpression("${now()}")));
  }

  private static TaskQuery urgentFirst(TaskQuery query) {
    return query.orderByDueDate().asc().orderByTaskPriority().desc();
  }

  /** Creates the filter, or changes it when its settings are older ({@link #SETTINGS}); nodes may race: one wins. */
  private void set(String name, String description, int priority, String color, TaskQuery query) {
    Map<String, Object> properties = Map.of("description", description, "priority", priority, "color", color,
        "refresh", true, "variables", CASE_COLUMNS, "settings", SETTINGS);
    Filter filter = filters.createTaskFilterQuery().filterName(name).list().stream().findFirst()
        .orElseGet(() -> filters.newTaskFilter(name));
    if (filter.getId() != null && SETTINGS.equals(filter.getProperties().get("settings"))) {
      return;
    }
    filter.setOwner(null);
    filter.setQuery(query);
    filter.setProperties(properties);
    try {
      filters.saveFilter(filter);
    } catch (OptimisticLockingException anotherNodeSavedItFirst) {
      // the same settings, saved by a node that started at the same moment
    }
  }
}
