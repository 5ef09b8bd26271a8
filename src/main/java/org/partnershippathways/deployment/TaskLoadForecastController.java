package org.partnershippathways.deployment;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Before a process owner deploys a changed process, each group's weekly task load under the deployed version and
 * under the changed one, from the recorded history (docs/process-change.md). Process owners and managers only
 * ({@link ProcessChangeRequests}); the answer holds counts, no case.
 */
@RestController
record TaskLoadForecastController(ProcessChangeRequests requests) {

  @PostMapping("/api/process-models/task-load-forecast")
  TaskLoadForecast.Forecast forecast(@RequestBody(required = false) TaskLoadForecastRequest request,
      @RequestParam(name = "weeks", required = false) String weeks) {
    return request == null ? requests.taskLoadForecast(null, null, weeks)
        : requests.taskLoadForecast(request.processModel(), request.forms(), weeks);
  }
}
