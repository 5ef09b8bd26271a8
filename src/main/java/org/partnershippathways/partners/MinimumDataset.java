package org.partnershippathways.partners;

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

import java.util.EnumSet;
import java.util.Set;
import org.partnershippathways.cases.CaseSummary;
import org.partnershippathways.cases.PersonDetails;
import org.partnershippathways.consent.SharingScope;
import org.partnershippathways.security.Agency;

/**
 * The one place that decides what a partner receives (Caldicott 3: the minimum necessary): the fields the request
 * type needs, limited to what the recorded sharing scope allows and to what the agency has a use for.
 * {@code null} scope means no consent or lawful basis is recorded: then only fields that name nobody may go.
 */
final class MinimumDataset {

  private static final Set<DatasetField> IDENTITY = EnumSet.of(GIVEN_NAME, FAMILY_NAME, DATE_OF_BIRTH, NHS_NUMBER);

  private MinimumDataset() {
  }

  /** Which fields go to the agency for this request type under this scope (null scope: no permission). */
  public static Set<DatasetField> fields(SharingScope scope, Agency agency, PartnerRequestType type) {
    Set<DatasetField> fields = EnumSet.of(CASE_REFERENCE);
    fields.addAll(neededFor(type));
    fields.retainAll(allowedIn(scope));
    fields.removeAll(notUsedBy(agency));
    return fields;
  }

  /** Whether this request type can be sent without consent or lawful basis, because it names nobody. */
  public static boolean namesNobody(PartnerRequestType type) {
    return neededFor(type).stream().noneMatch(DatasetField::aboutThePerson);
  }

  public static PartnerDataset build(CaseSummary summary, SharingScope scope, Agency agency,
      PartnerRequestType type) {
    Set<DatasetField> fields = fields(scope, agency, type);
    PersonDetails person = summary.person();
    boolean hasPerson = person != null;
    return new PartnerDataset(fields,
        fields.contains(CASE_REFERENCE) ? summary.reference() : null,
        hasPerson && fields.contains(GIVEN_NAME) ? person.givenName() : null,
        hasPerson && fields.contains(FAMILY_NAME) ? person.familyName() : null,
        hasPerson && fields.contains(DATE_OF_BIRTH) ? person.dateOfBirth() : null,
        hasPerson && fields.contains(NHS_NUMBER) ? person.nhsNumber() : null,
        hasPerson && fields.contains(ADDRESS) ? person.address() : null,
        hasPerson && fields.contains(CHILD) ? person.child() : null,
        fields.contains(CONCERN_CATEGORIES) ? summary.concernCategories() : null,
        fields.contains(RISK_RATING) ? summary.riskRating() : null,
        fields.contains(CONCERN_DESCRIPTION) ? summary.concernDescription() : null,
        fields.contains(REFERRER) ? summary.referrerName() : null,
        fields.contains(REFERRER) ? summary.referrerAgency() : null,
        fields.contains(REFERRER) ? summary.referrerContact() : null,
        fields.contains(OUTCOME) ? summary.outcome() : null);
  }

  private static Set<DatasetField> neededFor(PartnerRequestType type) {
    return switch (type) {
      // to search their records and judge what is relevant
      case INFORMATION_REQUEST -> with(IDENTITY, ADDRESS, CHILD, CONCERN_CATEGORIES, RISK_RATING,
          CONCERN_DESCRIPTION);
      // to act at once and call back whoever raised it
      case IMMEDIATE_RISK_NOTIFICATION, SAFEGUARDING_REFERRAL -> with(IDENTITY, ADDRESS, CHILD,
          CONCERN_CATEGORIES, RISK_RATING, CONCERN_DESCRIPTION, REFERRER);
      // a service needs to reach the person and know why; it does not need our risk rating
      case SERVICE_REFERRAL -> with(IDENTITY, ADDRESS, CHILD, CONCERN_CATEGORIES, CONCERN_DESCRIPTION, REFERRER);
      // attendees prepare by looking the person up; the concern is discussed at the meeting
      case MEETING_INVITATION -> with(IDENTITY);
      // the referrer's agency already knows whom it referred: our reference and the outcome are enough
      case CLOSURE_NOTIFICATION -> EnumSet.of(OUTCOME);
      // the agency finds what it received by our case reference; nothing about the person goes with it
      case CONSENT_WITHDRAWAL -> EnumSet.noneOf(DatasetField.class);
    };
  }

  private static Set<DatasetField> allowedIn(SharingScope scope) {
    Set<DatasetField> nobody = EnumSet.of(CASE_REFERENCE, OUTCOME);
    if (scope == null) {
      return nobody;
    }
    Set<DatasetField> allowed = with(nobody, GIVEN_NAME, FAMILY_NAME, DATE_OF_BIRTH, NHS_NUMBER);
    if (scope == SharingScope.IDENTITY_ONLY) {
      return allowed;
    }
    allowed.addAll(EnumSet.of(ADDRESS, CHILD, CONCERN_CATEGORIES, RISK_RATING));
    if (scope == SharingScope.IDENTITY_AND_CONCERN) {
      return allowed;
    }
    allowed.addAll(EnumSet.of(CONCERN_DESCRIPTION, REFERRER));
    return allowed;
  }

  private static Set<DatasetField> notUsedBy(Agency agency) {
    return switch (agency) {
      // the NHS number identifies a patient; no other agency needs it to find the person
      case POLICE, SOCIAL_CARE -> EnumSet.of(NHS_NUMBER);
      // a voluntary service works from the person and the need, not our risk assessment
      case VOLUNTARY -> EnumSet.of(NHS_NUMBER, RISK_RATING);
      case HEALTH -> EnumSet.noneOf(DatasetField.class);
    };
  }

  private static Set<DatasetField> with(Set<DatasetField> base, DatasetField... more) {
    Set<DatasetField> fields = EnumSet.noneOf(DatasetField.class);
    fields.addAll(base);
    fields.addAll(Set.of(more));
    return fields;
  }
}
