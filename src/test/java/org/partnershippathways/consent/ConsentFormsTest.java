package org.partnershippathways.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.partnershippathways.security.Agency;
import org.junit.jupiter.api.Test;

class ConsentFormsTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final Instant NOW = Instant.parse("2026-12-04T18:00:00Z");
  static final ConsentForms.Coverage NOTHING_TICKED = new ConsentForms.Coverage(null, null, null, LONDON, NOW);

  @Test
  void consentNotGivenNeedsAReason() {
    assertThatThrownBy(() -> ConsentForms.consentRecord("REFUSED", null, null, " ", NOTHING_TICKED))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessage("Please correct the form: consent record is incomplete: say why consent was not given or could not be sought.");
  }

  @Test
  void anUnknownScopeIsRefused() {
    assertThatThrownBy(() -> ConsentForms.consentRecord("GIVEN", "The person", "EVERYTHING", null, NOTHING_TICKED))
        .hasMessageContaining("choose what the person agreed to share (IDENTITY_ONLY, IDENTITY_AND_CONCERN, FULL)");
  }

  @Test
  void aDecisionComesAsABooleanOrAsTheFormsText() {
    assertThat(ConsentForms.sharingWithoutConsent(Boolean.FALSE, null, null, "No risk", NOTHING_TICKED).share()).isFalse();
    assertThat(ConsentForms.sharingWithoutConsent("true", " Art 6(1)(e) ", "FULL", "Risk", NOTHING_TICKED).lawfulBasis())
        .isEqualTo("Art 6(1)(e)");
    assertThatThrownBy(() -> ConsentForms.sharingWithoutConsent("maybe", null, null, "Why", NOTHING_TICKED))
        .hasMessageContaining("decide whether to share without consent");
  }

  @Test
  void aLawfulBasisOfNoneIsNoLawfulBasis() {
    assertThatThrownBy(() -> ConsentForms.sharingWithoutConsent(true, "NONE", "IDENTITY_ONLY", "Why", NOTHING_TICKED))
        .hasMessageContaining("record the lawful basis");
  }

  @Test
  void consentCoversTheTickedAgenciesAndPurposesToTheEndOfItsLastDay() {
    ConsentForms.ConsentRecord consent = ConsentForms.consentRecord("GIVEN", "The person", "FULL", null,
        new ConsentForms.Coverage("[\"health\",\"voluntary\"]", List.of("INFORMATION_GATHERING"), "2027-03-31",
            LONDON, NOW));

    assertThat(consent.coverage().agencies()).containsExactly(Agency.HEALTH, Agency.VOLUNTARY);
    assertThat(consent.coverage().purposes()).containsExactly(SharingPurpose.INFORMATION_GATHERING);
    assertThat(consent.coverage().validUntil()).isEqualTo(Instant.parse("2027-03-31T23:00:00Z"));
    assertThat(consent.coverage().covers(Agency.HEALTH, SharingPurpose.INFORMATION_GATHERING, NOW)).isTrue();
    assertThat(consent.coverage().covers(Agency.POLICE, SharingPurpose.INFORMATION_GATHERING, NOW)).isFalse();
    assertThat(consent.coverage().covers(Agency.HEALTH, SharingPurpose.SAFEGUARDING, NOW)).isFalse();
    assertThat(consent.coverage().covers(Agency.HEALTH, SharingPurpose.INFORMATION_GATHERING,
        Instant.parse("2027-03-31T23:00:00Z"))).as("expired").isFalse();
  }

  @Test
  void nothingTickedCoversEveryAgencyAndPurposeForTwelveMonths() {
    SharingCoverage coverage = ConsentForms.consentRecord("GIVEN", "The person", "FULL", null, NOTHING_TICKED)
        .coverage();

    assertThat(coverage.agencies()).containsExactlyInAnyOrder(Agency.values());
    assertThat(coverage.purposes()).containsExactlyInAnyOrder(SharingPurpose.values());
    assertThat(coverage.validUntil()).isEqualTo(Instant.parse("2027-12-05T00:00:00Z"));
  }

  @Test
  void unknownAgenciesAndPurposesAndPastDaysAreNamed() {
    assertThatThrownBy(() -> ConsentForms.sharingWithoutConsent(true, "Art 6(1)(e)", "FULL", "Risk",
        new ConsentForms.Coverage("police,fire", "GOSSIP", "2026-12-01", LONDON, NOW)))
        .hasMessageContaining("'fire' is not a partner agency")
        .hasMessageContaining("'GOSSIP' is not a purpose of sharing")
        .hasMessageContaining("the last day of sharing must not be in the past");
  }
}
