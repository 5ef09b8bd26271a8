package org.partnershippathways.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which agencies are asked what they know, by concern, risk and age. */
class PartnerRoutingDecisionTest {

  static final List<String> CATEGORIES = List.of("MENTAL_HEALTH", "SUBSTANCE_MISUSE", "DOMESTIC_ABUSE",
      "EXPLOITATION", "ANTI_SOCIAL_BEHAVIOUR", "HOUSING", "ADVERSE_CHILDHOOD_EXPERIENCES", "MISSING_EPISODES");
  static DmnEngine engine;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws IOException {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = new FileInputStream("processes/partner-routing.dmn")) {
      decision = engine.parseDecision("partner-routing", dmn);
    }
  }

  @ParameterizedTest(name = "{0} {1} child={2} -> {3}")
  @CsvSource(delimiter = ';', value = {
      "DOMESTIC_ABUSE;               GREEN; false; police",
      "ANTI_SOCIAL_BEHAVIOUR;        GREEN; false; police",
      "MISSING_EPISODES;             GREEN; false; police",
      "MENTAL_HEALTH;                GREEN; false; health",
      "SUBSTANCE_MISUSE;             GREEN; false; health voluntary",
      "HOUSING;                      GREEN; false; voluntary",
      "ADVERSE_CHILDHOOD_EXPERIENCES; GREEN; false; social-care",
      "EXPLOITATION;                 GREEN; false; police social-care",
      "HOUSING;                      GREEN; true;  social-care voluntary",
      "MENTAL_HEALTH;                AMBER; false; police health",
      "HOUSING;                      RED;   false; police health social-care voluntary",
  })
  void asks(String category, String risk, boolean child, String agencies) {
    assertThat(agencies(List.of(category), risk, child))
        .containsExactlyInAnyOrderElementsOf(Arrays.asList(agencies.split(" ")));
  }

  @Test
  void asksSomebodyForEveryMediumOrHighRiskCase() {
    for (String risk : List.of("AMBER", "RED")) {
      for (boolean child : List.of(true, false)) {
        assertThat(agencies(List.of(), risk, child)).as(risk + " child=" + child).isNotEmpty();
        for (String category : CATEGORIES) {
          assertThat(agencies(List.of(category), risk, child)).as(category + " " + risk).isNotEmpty();
        }
      }
    }
  }

  @Test
  void asksNobodyForALowRiskAdultWithNoRoutedConcern() {
    assertThat(agencies(List.of(), "GREEN", false)).isEmpty();
  }

  private static List<Object> agencies(List<String> categories, String risk, boolean child) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("concernCategories", categories);
    variables.put("riskRating", risk);
    variables.put("child", child);
    return engine.evaluateDecision(decision, variables).collectEntries("agency");
  }
}
