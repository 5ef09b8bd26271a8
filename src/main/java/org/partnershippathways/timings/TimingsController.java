package org.partnershippathways.timings;

import org.partnershippathways.platform.ForbiddenException;
import org.partnershippathways.security.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/timings} and {@code /api/timings.csv}: the managers' figures, for managers only. */
@RestController
class TimingsController {

  static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

  private final TimingsService timings;
  private final CurrentUser currentUser;

  TimingsController(TimingsService timings, CurrentUser currentUser) {
    this.timings = timings;
    this.currentUser = currentUser;
  }

  @GetMapping(path = "/api/timings", produces = MediaType.APPLICATION_JSON_VALUE)
  TimingsReport timings(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    requireManager();
    return timings.of(currentUser.partnerships()).report(from, to);
  }

  @GetMapping(path = "/api/timings.csv")
  ResponseEntity<String> timingsCsv(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String table) {
    requireManager();
    TimingsService.CsvExport csv = timings.of(currentUser.partnerships()).csv(from, to, table);
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, csv.contentDisposition())
        .body(csv.body());
  }

  private void requireManager() {
    if (!currentUser.isManager()) {
      throw new ForbiddenException("Pathway timings are for pathway managers only.");
    }
  }
}
