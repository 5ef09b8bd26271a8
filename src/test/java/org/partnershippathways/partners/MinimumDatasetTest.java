package org.partnershippathways.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnershippathways.partners.DatasetField.ADDRESS;
import static org.partnershippathways.partners.DatasetField.CASE_REFERENCE;
import static org.partnershippathways.partners.DatasetField.CHILD;
import static org.partnershippathways.partners.DatasetField.CONCERN_CATEGORIES;
import static org.partnershippathways.partners.DatasetField.CONCERN_DESCRIPTION;
import static org.partnershippathways.partners.DatasetField.DATE_OF_BIRTH;
import static org.partnershippathways.partners.DatasetField.FAMILY_NAME;
import static org.partnershippathways.partners.DatasetField.GIVEN_NAME;
import static org.partnershippathways.partners.DatasetField.NHS_NUMBER;
import static org.partnershippathways.partners.DatasetField.OUTCOME;
import static org.partnershippathways.partners.DatasetField.REFERRER;
import static org.partnershippathways.partners.DatasetField.RISK_RATING;
import static org.partnershippathways.partners.PartnerRequestType.CLOSURE_NOTIFICATION;
import static org.partnershippathways.partners.PartnerRequestType.INFORMATION_REQUEST;
import static org.partnershippathways.partners.PartnerRequestType.MEETING_INVITATION;
import static org.partnershippathways.partners.PartnerRequestType.SAFEGUARDING_REFERRAL;
import static org.partnershippathways.partners.PartnerRequestType.SERVICE_REFERRAL;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnershippathways.cases.CaseSummary;
import org.partnershippathways.cases.PersonDetails;
import org.partnershippathways.consent.SharingScope;
import org.partnershippathways.security.Agency;

class MinimumDatasetTest {

  static final CaseSummary CASE = new CaseSummary("case-1", "PP-2026-000001",
      new PersonDetails("Alex", "Example", LocalDate.of(2012, 3, 4), "9434765919", "1 High Street, Leeds", true),
      List.of("NEGLECT"), "Often alone at home", "RED", "Rita Referrer", "school", "01130000000", "OUTCOMES_MET");

  // --- per scope (information request to health, which may receive every identity field) ---

  @Test
  void identityOnlyScopeSendsJustEnoughToFindThePerson() {
    assertThat(MinimumDataset.fields(SharingScope.IDENTITY_ONLY, Agency.HEALTH, INFORMATION_REQUEST))
        .containsExactlyInAnyOrder(CASE_REFERENCE, GIVEN_NAME, FAMILY_NAME, DATE_OF_BIRTH, NHS_NUMBER);
  }

  @Test
  void identityAndConcernScopeAddsAddressCategoriesAndRisk() {
    assertThat(MinimumDataset.fields(SharingScope.IDENTITY_AND_CONCERN, Agency.HEALTH, INFORMATION_REQUEST))
        .containsExactlyInAnyOrder(CASE_REFERENCE, GIVEN_NAME, FAMILY_NAME, DATE_OF_BIRTH, NHS_NUMBER, ADDRESS,
            CHILD, CONCERN_CATEGORIES, RISK_RATING);
  }

  @Test
  void fullScopeAddsTheDescriptionButAnInformationRequestNeverNamesTheReferrer() {
    assertThat(MinimumDataset.fields(SharingScope.FULL, Agency.HEALTH, INFORMATION_REQUEST))
        .containsExactlyInAnyOrder(CASE_REFERENCE, GIVEN_NAME, FAMILY_NAME, DATE_OF_BIRTH, NHS_NUMBER, ADDRESS,
            CHILD, CONCERN_CATEGORIES, RISK_RATING, CONCERN_DESCRIPTION);
  }

  @Test
  void withoutPermissionOnlyFieldsThatNameNobodyGo() {
    assertThat(MinimumDataset.fields(null, Agency.SOCIAL_CARE, SAFEGUARDING_REFERRAL))
        .containsExactly(CASE_REFERENCE);
    assertThat(MinimumDataset.fields(null, Agency.POLICE, CLOSURE_NOTIFICATION))
        .containsExactlyInAnyOrder(CASE_REFERENCE, OUTCOME);
    assertThat(MinimumDataset.namesNobody(CLOSURE_NOTIFICATION)).isTrue();
    assertThat(MinimumDataset.namesNobody(MEETING_INVITATION)).isFalse();
  }

  // --- per agency (full scope, so that only the agency and the request type limit) ---

  @Test
  void policeNeverReceiveTheNhsNumber() {
    assertThat(MinimumDataset.fields(SharingScope.FULL, Agency.POLICE, INFORMATION_REQUEST))
        .doesNotContain(NHS_NUMBER)
        .contains(GIVEN_NAME, DATE_OF_BIRTH, ADDRESS, RISK_RATING, CONCERN_DESCRIPTION);
  }

  @Test
  void healthReceivesTheNhsNumber() {
    PartnerDataset dataset = MinimumDataset.build(CASE, SharingScope.IDENTITY_ONLY, Agency.HEALTH,
        INFORMATION_REQUEST);
    assertThat(dataset.nhsNumber()).isEqualTo("9434765919");
    assertThat(dataset.address()).isNull();
    assertThat(dataset.concernDescription()).isNull();
  }

  @Test
  void socialCareReceivesTheReferrerWithASafeguardingReferral() {
    assertThat(MinimumDataset.fields(SharingScope.FULL, Agency.SOCIAL_CARE, SAFEGUARDING_REFERRAL))
        .containsExactlyInAnyOrder(CASE_REFERENCE, GIVEN_NAME, FAMILY_NAME, DATE_OF_BIRTH, ADDRESS, CHILD,
            CONCERN_CATEGORIES, RISK_RATING, CONCERN_DESCRIPTION, REFERRER);
  }

  @Test
  void voluntaryServicesGetNeitherNhsNumberNorRiskRating() {
    assertThat(MinimumDataset.fields(SharingScope.FULL, Agency.VOLUNTARY, SERVICE_REFERRAL))
        .containsExactlyInAnyOrder(CASE_REFERENCE, GIVEN_NAME, FAMILY_NAME, DATE_OF_BIRTH, ADDRESS, CHILD,
            CONCERN_CATEGORIES, CONCERN_DESCRIPTION, REFERRER);
  }

  @Test
  void aMeetingInvitationCarriesIdentityOnlyWhateverTheScope() {
    assertThat(MinimumDataset.fields(SharingScope.FULL, Agency.POLICE, MEETING_INVITATION))
        .containsExactlyInAnyOrder(CASE_REFERENCE, GIVEN_NAME, FAMILY_NAME, DATE_OF_BIRTH);
  }

  @Test
  void aClosureNotificationCarriesTheOutcomeOnly() {
    PartnerDataset dataset = MinimumDataset.build(CASE, SharingScope.FULL, Agency.SOCIAL_CARE,
        CLOSURE_NOTIFICATION);
    assertThat(dataset.fields()).containsExactlyInAnyOrder(CASE_REFERENCE, OUTCOME);
    assertThat(dataset.givenName()).isNull();
    assertThat(dataset.outcome()).isEqualTo("OUTCOMES_MET");
  }

  @Test
  void valuesOutsideTheFieldsAreNotFilledIn() {
    PartnerDataset dataset = MinimumDataset.build(CASE, SharingScope.IDENTITY_AND_CONCERN, Agency.VOLUNTARY,
        SERVICE_REFERRAL);
    assertThat(dataset.riskRating()).isNull();
    assertThat(dataset.concernDescription()).isNull();
    assertThat(dataset.referrerName()).isNull();
    assertThat(dataset.concernCategories()).containsExactly("NEGLECT");
    assertThat(dataset.address()).isEqualTo("1 High Street, Leeds");
  }
}
