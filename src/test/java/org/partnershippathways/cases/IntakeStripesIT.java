package org.partnershippathways.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnershippathways.intake.ConcernApiIT;
import org.partnershippathways.intake.ConcernIntake;
import org.partnershippathways.intake.ConcernReceipt;
import org.partnershippathways.intake.ConcernRequest;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.partnershippathways.testsupport.TestPartnerships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Intake without a global lock (issue 16): while an intake about one person holds its stripes, a concern about
 * someone else goes through, and a concern about the same person waits for it.
 */
@PathwaysIntegrationTest
class IntakeStripesIT {

  @Autowired Cases cases;
  @Autowired ConcernIntake intake;
  @Autowired TransactionTemplate transactions;
  private final ExecutorService threads = Executors.newFixedThreadPool(3);

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void aConcernAboutSomeoneElseDoesNotWaitAndOneAboutTheSamePersonDoes() throws Exception {
    String first = ConcernApiIT.familyName();
    String firstNhs = ConcernApiIT.nhsNumber();
    String other;
    String otherNhs;
    do {
      other = ConcernApiIT.familyName();
      otherNhs = ConcernApiIT.nhsNumber();
    } while (!Collections.disjoint(stripes(first, firstNhs), stripes(other, otherNhs)));
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    PersonDetails firstPerson = person(first, firstNhs);
    Future<?> holder = threads.submit(() -> transactions.executeWithoutResult(status -> {
      cases.lockIntake(firstPerson);
      held.countDown();
      awaitQuietly(release);
    }));
    assertThat(held.await(60, TimeUnit.SECONDS)).as("the first intake holds its stripes").isTrue();

    ConcernRequest aboutOther = request(other, otherNhs);
    ConcernReceipt otherReceipt = threads.submit(() -> intake.raise(aboutOther, null, "stripes-test", TestPartnerships.FIRST))
        .get(60, TimeUnit.SECONDS);
    assertThat(otherReceipt.joinedExistingCase()).isFalse();

    ConcernRequest aboutFirst = request(first, firstNhs);
    Future<ConcernReceipt> samePersonReceipt = threads.submit(() -> intake.raise(aboutFirst, null, "stripes-test", TestPartnerships.FIRST));
    Thread.sleep(2000);
    assertThat(samePersonReceipt).as("a concern about the same person waits").isNotDone();
    release.countDown();
    holder.get(60, TimeUnit.SECONDS);
    assertThat(samePersonReceipt.get(60, TimeUnit.SECONDS).caseReference()).startsWith("PP-");
  }

  private static java.util.SortedSet<Integer> stripes(String familyName, String nhsNumber) {
    return IntakeStripes.of(person(familyName, nhsNumber));
  }

  /** As ConcernApiIT.concern describes the person. */
  private static PersonDetails person(String familyName, String nhsNumber) {
    return new PersonDetails("Alex", familyName, LocalDate.parse("2011-04-23"), nhsNumber, "1 High Street", true);
  }

  private static ConcernRequest request(String familyName, String nhsNumber) throws Exception {
    return new ObjectMapper().readValue(ConcernApiIT.concern(familyName, nhsNumber, "Missing overnight"),
        ConcernRequest.class);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(120, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
