package org.partnershippathways.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;

/** The filters every Tasklist user sees: their own tasks, their groups' tasks, and what is overdue. */
class TasklistFilters {

  private static final List<Map<String, String>> CASE_COLUMNS = List.of(
      Map.of("name", "caseReference", "label", "Case"),
      Map.of("name", "riskRating", "label", "Risk"));

  /** The process variables shown as columns; {@link TaskCaseColumns} copies them onto each task. */
  static final List<String> CASE_COLUMN_VARIABLES = CASE_COLUMNS.stream().map(column -> column.get("name")).toList();

  private final FilterService filters;
  private final TaskService tasks;

  TasklistFilters(FilterService filters, TaskService tasks) {
    this.filters = filters;
    this.tasks = tasks;
  }

  void create() {
    createIfMissing("My tasks", "Tasks assigned to me", -10, "#3b7fc4",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    createIfMissing("My agency's tasks", "Unclaimed tasks for my groups", -5, "#2f8f5b",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
    createIfMissing("Overdue", "Tasks of my groups or mine that are past their due date", 0, "#c0392b",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .dueBeforeExpression("${now()}"));
  }

  private void createIfMissing(String name, String description, int priority, String color, TaskQuery query) {
    if (filters.createTaskFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter = filters.newTaskFilter(name);
    filter.setOwner(null);
    filter.setQuery(query);
    filter.setProperties(Map.of("description", description, "priority", priority, "color", color,
        "refresh", true, "variables", CASE_COLUMNS));
    filters.saveFilter(filter);
  }
}
