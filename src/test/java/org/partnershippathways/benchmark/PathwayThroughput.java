package org.partnershippathways.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.partnershippathways.demo.CaseDriver;
import org.partnershippathways.demo.CaseDriver.DrivenCase;
import org.partnershippathways.benchmark.PartnerReplySources.PartnerReplies;
import org.partnershippathways.intake.ConcernIntake;
import org.partnershippathways.intake.ConcernReceipt;
import org.partnershippathways.intake.ConcernRequest;
import org.partnershippathways.intake.ConcernValidator;
import org.partnershippathways.intake.PathwayProcess;

/**
 * (a) and (b): starts {@code count} cases and drives each to closure on {@code threads} driver threads;
 * throughput = closed cases / wall time from the first start to the last closure. The real pathway starts
 * through intake ({@code ConcernIntake.raise}, as {@code POST /api/concerns} does); the bare one with the same
 * start variables straight from the engine. Case {@code i} gets the same concern in both runs.
 */
final class PathwayThroughput {

  interface CaseStarter {
    DrivenCase start(int index);
  }

  record Result(int requested, int closed, double seconds, List<String> failures) {
    double perSecond() {
      return closed / seconds;
    }
  }

  /** Concern categories by case, each routed by {@code partner-routing.dmn} to two agencies. */
  private static final List<List<String>> CATEGORIES = List.of(
      List.of("DOMESTIC_ABUSE", "MENTAL_HEALTH"),
      List.of("HOUSING", "SUBSTANCE_MISUSE"),
      List.of("ANTI_SOCIAL_BEHAVIOUR", "HOUSING"));
  private static final String REFERRER_AGENCY = "police";

  private PathwayThroughput() {
  }

  static Result run(int count, int threads, CaseStarter starter, CaseDriver driver, PartnerReplies replies)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger closed = new AtomicInteger();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long started = System.nanoTime();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            try {
              DrivenCase driven = starter.start(i);
              driver.driveToClosure(driven, () -> replies.deliverWaiting(driven));
              closed.incrementAndGet();
            } catch (RuntimeException failure) {
              failures.add("case " + i + ": " + failure);
            }
          }
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdown();
    }
    return new Result(count, closed.get(), (System.nanoTime() - started) / 1e9, List.copyOf(failures));
  }

  /** The real pathway: a concern raised through intake, referred by the police (so closure notifies them). */
  static CaseStarter throughIntake(ConcernIntake intake, String run) {
    return index -> {
      ConcernReceipt receipt = intake.raise(concern(run, index), "benchmark-" + run + "-" + index,
          BenchmarkUsers.userOfGroup(REFERRER_AGENCY), BenchmarkUsers.PARTNERSHIP);
      if (receipt.joinedExistingCase()) {
        throw new IllegalStateException("the benchmark person matched an open case: " + receipt.caseReference());
      }
      return new DrivenCase(receipt.caseId(), receipt.caseReference());
    };
  }

  /** The bare pathway: the start variables intake would set (PathwayProcess), no case rows. */
  static CaseStarter bare(RuntimeService runtime, String run) {
    return index -> {
      ConcernRequest concern = concern(run, index);
      String caseId = java.util.UUID.randomUUID().toString();
      String reference = "BARE-" + run + "-" + index;
      runtime.startProcessInstanceByKey(BareModels.PREFIX + PathwayProcess.KEY,
          reference, PathwayProcess.startVariables(caseId, reference, ConcernValidator.validate(concern,
              LocalDate.now()), 0));
      return new DrivenCase(caseId, reference);
    };
  }

  static ConcernRequest concern(String run, int index) {
    LocalDate born = LocalDate.of(1970, 1, 1).plusDays(index % 12_000);
    return new ConcernRequest(
        new ConcernRequest.Referrer("Benchmark Referrer", REFERRER_AGENCY, "referrals@example.org"),
        new ConcernRequest.Person("Sam", "Bench-" + run + "-" + index, born.toString(), null,
            index + " Example Street, Exampletown", false),
        CATEGORIES.get(index % CATEGORIES.size()),
        "Benchmark concern: repeated contacts with several agencies; needs a joined-up plan.", false, true);
  }
}
