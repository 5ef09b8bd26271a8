package org.partnershippathways.partners;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partnershippathways.security.Agency;

/** The one classification of partner answers: what is sent again, what goes to the coordinator. */
class PartnerFaultsTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 302, 408, 429, 500, 502, 503, 504})
  void anAnswerLostTimedOutThrottledOrNotA4xxIsRetried(int status) {
    assertThat(PartnerFaults.worthRetrying(status)).isTrue();
    assertThat(PartnerFaults.answered(Agency.POLICE, PartnerRequestType.INFORMATION_REQUEST, status, "busy", null))
        .isInstanceOf(PartnerUnavailableException.class)
        .hasMessage("Police is unavailable (" + status + "): busy");
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 422})
  void anyOther4xxRefusesTheRequestAsItStands(int status) {
    assertThat(PartnerFaults.worthRetrying(status)).isFalse();
    RuntimeException fault = PartnerFaults.answered(Agency.HEALTH, PartnerRequestType.SERVICE_REFERRAL, status,
        "unknown patient", null);
    assertThat(fault).isInstanceOf(PartnerRejectedException.class)
        .hasMessage("Health (NHS) refused SERVICE_REFERRAL (" + status + "): unknown patient");
    assertThat(((PartnerRejectedException) fault).status()).isEqualTo(status);
  }
}
