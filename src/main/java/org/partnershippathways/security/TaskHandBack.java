package org.partnershippathways.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

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
    OncePerRequestFilter filter = new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        Matcher unclaim = UNCLAIM.matcher(request.getRequestURI());
        Optional<String> caller = currentUser.userId();
        if ("POST".equals(request.getMethod()) && unclaim.matches() && caller.isPresent()
            && handBack(taskService, unclaim.group(1), caller.get())) {
          response.setStatus(HttpStatus.NO_CONTENT.value());
          return;
        }
        chain.doFilter(request, response);
      }
    };
    // Not a FilterRegistrationBean: Spring Boot registers all of those before any other initializer, so before
    // Camunda's webapp filters (sign-in, CSRF). Added here, after them, its mapping comes after theirs.
    return servletContext -> servletContext.addFilter("task-hand-back", filter)
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/engine-rest/task/*",
            "/camunda/api/engine/*");
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
