package org.partnershippathways.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partnershippathways.platform.FieldProblem;

class PartnerResponseRequestTest {

  @Test
  void aCompleteReplyHasNoProblems() {
    assertThat(new PartnerResponseRequest("social-care", "Known", false, "Duty team", "SC-1").problems()).isEmpty();
  }

  @Test
  void tooLongFieldsAreNamed() {
    PartnerResponseRequest reply = new PartnerResponseRequest("health", "x".repeat(4001), true, "y".repeat(256),
        "z".repeat(101));

    assertThat(reply.problems()).extracting(FieldProblem::field)
        .containsExactly("summary", "respondedBy", "partnerReference");
  }

  @Test
  void anUnknownAgencyIsNamedAsSuch() {
    assertThat(new PartnerResponseRequest("army", "Known", true, "Someone", "A-1").problems())
        .singleElement().satisfies(problem -> {
          assertThat(problem.field()).isEqualTo("agency");
          assertThat(problem.message()).contains("not a partner agency");
        });
  }
}
