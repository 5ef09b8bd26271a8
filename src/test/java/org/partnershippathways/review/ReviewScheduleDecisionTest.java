package org.partnershippathways.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** review-schedule.dmn: how soon a case is reviewed, in working days (P1W = 5 working days). */
class ReviewScheduleDecisionTest {

  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = ReviewScheduleDecisionTest.class.getResourceAsStream("/processes/review-schedule.dmn")) {
      decision = engine.parseDecision("review-schedule", dmn);
    }
  }

  @ParameterizedTest(name = "{0} {1} child={2} -> {3}")
  @CsvSource({
      "RED, IMMEDIATE, true, P1W",
      "RED, STANDARD, true, P1W",
      "RED, HIGH, false, P2W",
      "AMBER, HIGH, true, P2W",
      "AMBER, STANDARD, true, P3W",
      "GREEN, STANDARD, true, P4W",
      "AMBER, STANDARD, false, P4W",
      "GREEN, HIGH, false, P4W",
      "GREEN, STANDARD, false, P6W",
  })
  void reviewInterval(String riskRating, String urgency, boolean child, String expected) {
    Object interval = engine.evaluateDecisionTable(decision,
        Map.of("riskRating", riskRating, "urgency", urgency, "child", child)).getSingleResult()
        .getEntry("reviewInterval");
    assertThat(interval).isEqualTo(expected);
  }
}
