package org.partnershippathways.caseview;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/tasks/{taskId}/facts}: what the task's decision needs; Tasklist's "Case" tab shows the same. */
@RestController
record TaskFactsController(TaskFactsReader facts) {

  @GetMapping("/api/tasks/{taskId}/facts")
  TaskFacts facts(@PathVariable String taskId) {
    return facts.of(taskId);
  }
}
