package org.partnershippathways.security;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
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
 * own copy of the case reference and of the risk rating in words ("Red"), nothing about the person, taken from the
 * case's process when the task belongs to a sub-process (an action, a meeting). Its priority follows the rating
 * (red 80, amber 60, green 40), so that sorting by priority puts urgent work first. The voluntary sector never
 * sees a risk rating (docs/security.md), so its tasks get neither the label nor a priority that would tell it.
 */
@Component
class TaskCaseColumns extends AbstractProcessEnginePlugin {

  /** A task's priority by its case's risk rating: Tasklist puts red work first (issue 19); unrated is Camunda's 50. */
  static final Map<String, Integer> PRIORITY_BY_RISK = Map.of("RED", 80, "AMBER", 60, "GREEN", 40);
  static final Map<String, String> RISK_LABELS = Map.of("RED", "Red", "AMBER", "Amber", "GREEN", "Green");
  static final String CASE_REFERENCE = "caseReference";
  static final String RISK_LABEL = "riskLabel";
  private static final Set<String> NOT_TOLD_THE_RISK =
      Set.of(Agency.VOLUNTARY.groupId(), Agency.VOLUNTARY.managersGroupId());

  static final TaskListener COPY_CASE_COLUMNS = task -> {
    Object reference = ofTheCase(task, CASE_REFERENCE);
    if (reference != null) {
      task.setVariableLocal(CASE_REFERENCE, reference);
    }
    String rating = String.valueOf(ofTheCase(task, "riskRating"));
    if (!RISK_LABELS.containsKey(rating) || isForTheVoluntarySector(task)) {
      return;
    }
    task.setVariableLocal(RISK_LABEL, RISK_LABELS.get(rating));
    task.setPriority(PRIORITY_BY_RISK.get(rating));
  };

  /** A variable of the task's process, else of the process that called it, and so on up to the case. */
  private static Object ofTheCase(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    DelegateExecution caller = task.getExecution() == null ? null
        : task.getExecution().getProcessInstance().getSuperExecution();
    while (value == null && caller != null) {
      value = caller.getVariable(name);
      caller = caller.getProcessInstance().getSuperExecution();
    }
    return value;
  }

  private static boolean isForTheVoluntarySector(DelegateTask task) {
    return task.getCandidates().stream().anyMatch(link -> NOT_TOLD_THE_RISK.contains(link.getGroupId()));
  }

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
