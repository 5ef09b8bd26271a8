package org.partnershippathways.actions;

import java.util.List;
import org.partnershippathways.accesslog.CaseAccessLog;
import org.partnershippathways.accesslog.WhatWasRead;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Actions of the action plans: lists for coordinators, managers and agencies; reassignment and new due dates. */
@RestController
@RequestMapping("/api")
record ActionsController(ActionQueries queries, ActionChanges changes, CaseAccessLog accessLog) {

  @GetMapping("/cases/{caseId}/actions")
  List<ActionView> ofCase(@PathVariable String caseId) {
    List<ActionView> actions = queries.ofCase(caseId);
    if (!actions.isEmpty()) {
      accessLog.record(caseId, WhatWasRead.CASE_ACTIONS);
    }
    return actions;
  }

  @GetMapping("/actions")
  List<ActionView> search(@RequestParam(required = false) String agency,
      @RequestParam(required = false) String status,
      @RequestParam(required = false, defaultValue = "false") boolean overdue) {
    List<ActionView> actions = queries.search(blankToNull(agency), blankToNull(status), overdue);
    accessLog.recordAll(actions.stream().map(ActionView::caseId).toList(), WhatWasRead.ACTIONS_LIST);
    return actions;
  }

  @PostMapping("/actions/{actionId}/reassign")
  ActionView reassign(@PathVariable String actionId, @RequestBody(required = false) ReassignRequest request) {
    return changes.reassign(actionId, request);
  }

  @PostMapping("/actions/{actionId}/due-date")
  ActionView moveDueDate(@PathVariable String actionId, @RequestBody(required = false) DueDateRequest request) {
    return changes.moveDueDate(actionId, request);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
