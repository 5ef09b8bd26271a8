package org.partnershippathways.actions;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_SendActionReminder}: records the reminder, e-mails it to the agency (through the outbox, see
 * {@code ActionTracking#remind}) and writes it as a comment on the open action task, which the agency sees in
 * Tasklist (the task's follow-up date is the same day).
 */
@Component("sendActionReminder")
record SendActionReminderDelegate(ActionTracking tracking, TaskService taskService) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    tracking.remind((String) execution.getVariable("actionId"));
    for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey("Task_CompleteAction").list()) {
      taskService.createComment(task.getId(), execution.getProcessInstanceId(),
          "Reminder: this action is due on " + execution.getVariable("actionDueDay") + ".");
    }
  }
}
