package org.partnershippathways.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.partnershippathways.benchmark.PathwayDriver.PartnerReplies;
import org.partnershippathways.benchmark.PathwayDriver.StartedCase;

/** Where the replies to the partners' information requests come from in a run. */
final class PartnerReplySources {

  private PartnerReplySources() {
  }

  /**
   * The partner sandbox replies through our API, as a partner system would; the driver only waits. A reply that
   * arrives before the request's transaction has committed is refused (409, "try again shortly") and the sandbox
   * does not try again: a request still waiting {@link #RESEND_AFTER} after the driver first saw it is answered
   * again through the same API as the agency's system user, as a partner that retries would.
   */
  static final class SandboxReplies implements PartnerReplies {

    static final Duration RESEND_AFTER = Duration.ofMillis(100);

    private final RuntimeService runtime;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;
    private final String password;
    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final AtomicInteger resent = new AtomicInteger();

    SandboxReplies(RuntimeService runtime, String baseUrl, String password) {
      this.runtime = runtime;
      this.baseUrl = baseUrl;
      this.password = password;
    }

    @Override
    public void deliverWaiting(StartedCase started) {
      long now = System.nanoTime();
      Set<String> processesToResend = new TreeSet<>();
      for (Execution execution : waiting(runtime, started)) {
        long seen = firstSeen.computeIfAbsent(execution.getId(), id -> now);
        if (now - seen > RESEND_AFTER.toNanos()) {
          firstSeen.put(execution.getId(), now);
          processesToResend.add(execution.getProcessInstanceId());
        }
      }
      // the agencies asked by the information-sharing instance; those answered already get a 409, harmlessly
      for (String processInstanceId : processesToResend) {
        runtime.createVariableInstanceQuery().processInstanceIdIn(processInstanceId).variableName("agency").list()
            .stream().map(variable -> (String) variable.getValue()).distinct()
            .forEach(agency -> resend(started, agency, processInstanceId));
      }
    }

    int resent() {
      return resent.get();
    }

    private void resend(StartedCase started, String agency, String processInstanceId) {
      String body = "{\"agency\":\"" + agency + "\",\"summary\":\"Benchmark " + agency + ": no records found.\","
          + "\"holdsInformation\":false,\"respondedBy\":\"Benchmark " + agency + " records team\","
          + "\"partnerReference\":\"BENCH-" + agency + "-" + processInstanceId + "\"}";
      String credentials = Base64.getEncoder().encodeToString((agency + "-system:" + password)
          .getBytes(StandardCharsets.UTF_8));
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(baseUrl + "/api/cases/" + started.caseId() + "/partner-responses"))
            .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 201) {
          resent.incrementAndGet();
        }
      } catch (java.io.IOException e) {
        throw new IllegalStateException("could not reply for " + agency, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  /** The bare model: the driver delivers the message to each waiting execution, the engine's own minimum. */
  static PartnerReplies straightToTheEngine(RuntimeService runtime) {
    return started -> {
      for (Execution waiting : waiting(runtime, started)) {
        runtime.messageEventReceived(PathwayDriver.PARTNER_RESPONSE, waiting.getId());
      }
    };
  }

  private static List<Execution> waiting(RuntimeService runtime, StartedCase started) {
    return runtime.createExecutionQuery().processInstanceBusinessKey(started.reference())
        .messageEventSubscriptionName(PathwayDriver.PARTNER_RESPONSE).list();
  }
}
