package org.partnershippathways.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lawful basis proposed to the Caldicott guardian when consent was not given. */
class LawfulBasisDecisionTest {

  static final String SAFEGUARDING = "DPA 2018 Sch 1 para 18";
  static DmnEngine engine;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws IOException {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = new FileInputStream("processes/lawful-basis.dmn")) {
      decision = engine.parseDecision("lawful-basis", dmn);
    }
  }

  @ParameterizedTest(name = "{0} {1} child={2} {3} -> {4} / {5}")
  @CsvSource({
      "GIVEN,               RED,   true,  DOMESTIC_ABUSE,   NONE,                   NONE",
      "REFUSED,             AMBER, true,  HOUSING,          para 18,                FULL",
      "REFUSED,             GREEN, true,  HOUSING,          para 18,                IDENTITY_AND_CONCERN",
      "REFUSED,             RED,   false, EXPLOITATION,     para 18,                FULL",
      "REFUSED,             RED,   false, MENTAL_HEALTH,    Art 6(1)(d),            IDENTITY_AND_CONCERN",
      "NOT_POSSIBLE,        AMBER, false, MENTAL_HEALTH,    para 18,                IDENTITY_AND_CONCERN",
      "WOULD_INCREASE_RISK, AMBER, false, HOUSING,          para 18,                IDENTITY_AND_CONCERN",
      "REFUSED,             AMBER, false, DOMESTIC_ABUSE,   para 10,                IDENTITY_ONLY",
      "REFUSED,             AMBER, false, HOUSING,          NONE,                   NONE",
      "NOT_POSSIBLE,        GREEN, false, HOUSING,          NONE,                   NONE",
  })
  void proposes(String consent, String risk, boolean child, String category, String ground, String scope) {
    DmnDecisionResultEntries result = evaluate(consent, risk, child, List.of(category));

    assertThat((String) result.getEntry("proposedLegalGround")).contains(ground);
    assertThat((String) result.getEntry("proposedScope")).isEqualTo(scope);
  }

  @Test
  void proposesFromWhatIsKnownWhenRiskAndCategoriesAreMissing() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("consentStatus", "NOT_POSSIBLE");
    variables.put("child", true);
    variables.put("riskRating", null);
    variables.put("concernCategories", null);

    DmnDecisionResultEntries result = engine.evaluateDecision(decision, variables).getSingleResult();

    assertThat((String) result.getEntry("proposedLegalGround")).contains(SAFEGUARDING);
    assertThat((String) result.getEntry("proposedScope")).isEqualTo("IDENTITY_AND_CONCERN");
  }

  private static DmnDecisionResultEntries evaluate(String consent, String risk, boolean child, List<String> categories) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("consentStatus", consent);
    variables.put("riskRating", risk);
    variables.put("child", child);
    variables.put("concernCategories", categories);
    return engine.evaluateDecision(decision, variables).getSingleResult();
  }
}
