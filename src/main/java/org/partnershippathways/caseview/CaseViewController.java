package org.partnershippathways.caseview;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{caseId}}, {@code GET /api/cases/{caseId}/chronology} and {@code GET /api/cases?query=}:
 * a case's summary and chronology as the caller may see them, and the hub's search; Tasklist's "Case" tab shows
 * the same.
 */
@RestController
record CaseViewController(CaseViews views) {

  @GetMapping("/api/cases/{caseId}")
  CaseRecord summary(@PathVariable String caseId) {
    return views.summary(caseId);
  }

  @GetMapping("/api/cases/{caseId}/chronology")
  CaseChronology chronology(@PathVariable String caseId) {
    return views.chronology(caseId);
  }

  @GetMapping("/api/cases")
  CaseSearchResults search(@RequestParam(required = false) String query) {
    return views.search(query);
  }
}
