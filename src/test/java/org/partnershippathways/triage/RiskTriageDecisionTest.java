package org.partnershippathways.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partnershippathways.intake.PathwayProcess;

/** Every rule of risk-triage.dmn, and that the first matching rule wins. */
@ExtendWith(ProcessEngineCoverageExtension.class)
@Deployment(resources = "processes/risk-triage.dmn")
class RiskTriageDecisionTest {

  ProcessEngine processEngine;

  private Map<String, Object> triage(boolean immediateRisk, boolean child, int earlierConcerns, String... categories) {
    DmnDecisionResultEntries result = processEngine.getDecisionService().evaluateDecisionByKey("risk-triage")
        .variables(Variables.putValue("immediateRisk", immediateRisk).putValue("child", child)
            .putValue("earlierConcerns", earlierConcerns)
            .putValueTyped("concernCategories", PathwayProcess.jsonList(List.of(categories))))
        .evaluate().getSingleResult();
    return result.getEntryMap();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "immediate risk wins over everything, true, false, 0, HOUSING, RED, IMMEDIATE, P1D",
      "child at risk of exploitation, false, true, 0, EXPLOITATION, RED, HIGH, P2D",
      "repeated serious concerns, false, false, 2, DOMESTIC_ABUSE, RED, HIGH, P2D",
      "serious harm category, false, false, 0, MISSING_EPISODES, AMBER, HIGH, P5D",
      "child, false, true, 0, HOUSING, AMBER, STANDARD, P5D",
      "repeat referral, false, false, 1, MENTAL_HEALTH, AMBER, STANDARD, P5D",
      "everything else, false, false, 0, ANTI_SOCIAL_BEHAVIOUR, GREEN, STANDARD, P10D",
  })
  void decides(String rule, boolean immediateRisk, boolean child, int earlier, String category, String risk,
      String urgency, String timescale) {
    assertThat(triage(immediateRisk, child, earlier, category)).as(rule)
        .containsEntry("riskRating", risk).containsEntry("urgency", urgency)
        .containsEntry("meetingTimescale", timescale);
  }

  @Test
  void looksAtEveryCategoryOfTheConcern() {
    assertThat(triage(false, false, 0, "HOUSING", "SUBSTANCE_MISUSE", "DOMESTIC_ABUSE"))
        .containsEntry("riskRating", "AMBER").containsEntry("urgency", "HIGH");
  }
}
