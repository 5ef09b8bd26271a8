package org.partnershippathways.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

class ConsentFormsTest {

  @Test
  void consentNotGivenNeedsAReason() {
    assertThatThrownBy(() -> ConsentForms.consentRecord("REFUSED", null, null, " "))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessage("Please correct the form: consent record is incomplete: say why consent was not given or could not be sought.");
  }

  @Test
  void anUnknownScopeIsRefused() {
    assertThatThrownBy(() -> ConsentForms.consentRecord("GIVEN", "The person", "EVERYTHING", null))
        .hasMessageContaining("choose what the person agreed to share (IDENTITY_ONLY, IDENTITY_AND_CONCERN, FULL)");
  }

  @Test
  void aDecisionComesAsABooleanOrAsTheFormsText() {
    assertThat(ConsentForms.sharingWithoutConsent(Boolean.FALSE, null, null, "No risk").share()).isFalse();
    assertThat(ConsentForms.sharingWithoutConsent("true", " Art 6(1)(e) ", "FULL", "Risk").lawfulBasis())
        .isEqualTo("Art 6(1)(e)");
    assertThatThrownBy(() -> ConsentForms.sharingWithoutConsent("maybe", null, null, "Why"))
        .hasMessageContaining("decide whether to share without consent");
  }

  @Test
  void aLawfulBasisOfNoneIsNoLawfulBasis() {
    assertThatThrownBy(() -> ConsentForms.sharingWithoutConsent(true, "NONE", "IDENTITY_ONLY", "Why"))
        .hasMessageContaining("record the lawful basis");
  }
}
