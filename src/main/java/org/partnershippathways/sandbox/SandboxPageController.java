package org.partnershippathways.sandbox;

import java.util.List;
import org.partnershippathways.calendar.UkDates;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * What the partners received: {@code /sandbox/} as a page, {@code /sandbox/api/received} as JSON; only after the
 * sandbox login ({@link ListingLogin}).
 */
@RestController
record SandboxPageController(ReceivedRequests received) {

  private static final List<String> AGENCIES = List.of("police", "health", "social-care", "voluntary");

  @GetMapping("/sandbox/api/received")
  List<ReceivedRequests.Received> all() {
    return received.all();
  }

  @GetMapping(path = {"/sandbox/", "/sandbox"}, produces = MediaType.TEXT_HTML_VALUE)
  String page() {
    StringBuilder html = new StringBuilder("""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Partner sandbox</title>
        <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}
        td,th{border:1px solid #ccc;padding:4px;vertical-align:top;text-align:left}pre{margin:0;font-size:12px}
        </style></head><body><h1>Partner sandbox: what the partners received</h1>
        <p>Pretend police, NHS (FHIR R4 at <code>/fhir</code>), social care and voluntary-sector systems.
        JSON: <a href="api/received">/sandbox/api/received</a>.</p>
        """);
    for (String agency : AGENCIES) {
      List<ReceivedRequests.Received> requests = received.of(agency);
      html.append("<h2>").append(agency).append(" (").append(requests.size()).append(")</h2>");
      if (requests.isEmpty()) {
        html.append("<p>Nothing received yet.</p>");
        continue;
      }
      html.append("<table><tr><th>received</th><th>reference</th><th>type</th><th>case</th>")
          .append("<th>idempotency key</th><th>times</th><th>content</th></tr>");
      for (ReceivedRequests.Received request : requests) {
        html.append("<tr><td>").append(UkDates.dayAndTime(request.receivedAt()))
            .append("</td><td>").append(escape(request.partnerReference()))
            .append("</td><td>").append(escape(request.requestType()))
            .append("</td><td>").append(escape(request.caseReference()))
            .append("</td><td>").append(escape(request.idempotencyKey()))
            .append("</td><td>").append(request.timesReceived())
            .append("</td><td><details><summary>show</summary><pre>").append(escape(request.body()))
            .append("</pre></details></td></tr>");
      }
      html.append("</table>");
    }
    return html.append("</body></html>").toString();
  }

  private static String escape(String text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text);
  }
}
