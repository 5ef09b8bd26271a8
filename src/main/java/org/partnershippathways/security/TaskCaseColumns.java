package org.partnershippathways.security;

import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.partnershippathways.platform.ParseListeners;
import org.springframework.stereotype.Component;

/**
 * The "Case" and "Risk" columns of Tasklist's filters for agency practitioners. They may read the tasks of their
 * agency but not the case's process instance, and Tasklist shows a process variable only to whoever may read the
 * instance, while a variable of the task itself goes with the task. So each user task gets, when it is created, its
 * own copy of those two variables: a case reference and a RAG rating, nothing about the person. Its priority
 * follows the rating (red 80, amber 60, green 40), so that sorting by priority puts urgent work first.
 */
@Component
class TaskCaseColumns extends AbstractProcessEnginePlugin {

  /** A task's priority by its case's risk rating: Tasklist puts red work first (issue 19); unrated is Camunda's 50. */
  static final Map<String, Integer> PRIORITY_BY_RISK = Map.of("RED", 80, "AMBER", 60, "GREEN", 40);

  static final TaskListener COPY_CASE_COLUMNS = task -> {
    TasklistFilters.CASE_COLUMN_VARIABLES.forEach(name -> {
      Object value = task.getVariable(name);
      if (value != null) {
        task.setVariableLocal(name, value);
      }
    });
    Integer priority = PRIORITY_BY_RISK.get(String.valueOf(task.getVariable("riskRating")));
    if (priority != null) {
      task.setPriority(priority);
    }
  };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addAfterTheEngines(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_CREATE, COPY_CASE_COLUMNS);
      }
    });
  }
}
