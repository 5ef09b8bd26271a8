package org.partnershippathways.platform;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's last word on an error nothing else answered (a malformed address refused before any servlet runs):
 * problem details instead of Tomcat's HTML page with its version.
 */
class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    try {
      response.setContentType(ProblemResponses.PROBLEM_JSON);
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(ProblemResponses.json(status, ProblemResponses.sentenceFor(status, null), null));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException connectionGone) {
      // nothing more can be said to this client
    }
  }
}
