package org.partnershippathways.security;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration;
import org.partnershippathways.platform.RequestFilters;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;

/**
 * Agency practitioners hand back a task they claimed (Tasklist's "unclaim"). The engine's unclaim sets the
 * assignee to nobody, which it counts as assigning and allows only with {@code TASK_ASSIGN}: a right that would
 * also let a practitioner give a task to anyone, including another agency. So the unclaim of one's own task is
 * done here as the engine's claim "for nobody", which needs only the right to work on the task; anything else
 * goes on to the engine as before.
 *
 * <p>An auto-configuration after Camunda's webapp one, so that its filter runs after the webapps' sign-in filter
 * (and after HTTP Basic on {@code /engine-rest}), with the caller signed in to the engine.
 */
@AutoConfiguration(after = CamundaBpmWebappAutoConfiguration.class)
public class TaskHandBack {

  static final Pattern UNCLAIM = Pattern.compile(".*/task/([^/]+)/unclaim/?");

  @Bean
  ServletContextInitializer taskHandBackFilter(CurrentUser currentUser, TaskService taskService) {
    // after Camunda's webapp filters (sign-in, CSRF), so that the caller is signed in
    return RequestFilters.afterTheWebapps("task-hand-back", (request, response, chain) -> {
      Matcher unclaim = UNCLAIM.matcher(request.getRequestURI());
      Optional<String> caller = currentUser.userId();
      if ("POST".equals(request.getMethod()) && unclaim.matches() && caller.isPresent()
          && handBack(taskService, unclaim.group(1), caller.get())) {
        response.setStatus(HttpStatus.NO_CONTENT.value());
        return;
      }
      chain.doFilter(request, response);
    }, "/engine-rest/task/*", "/camunda/api/engine/*");
  }

  /** Hands the task back when the caller holds it; false when the engine should answer (not theirs, or none). */
  private static boolean handBack(TaskService taskService, String taskId, String userId) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || !userId.equals(task.getAssignee())) {
      return false;
    }
    taskService.claim(taskId, null);
    return true;
  }
}
