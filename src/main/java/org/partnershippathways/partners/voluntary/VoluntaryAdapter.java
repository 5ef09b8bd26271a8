package org.partnershippathways.partners.voluntary;

import java.time.Clock;
import org.partnershippathways.partners.JsonPartnerAdapter;
import org.partnershippathways.partners.PartnerRequestType;
import org.partnershippathways.partners.PartnersProperties;
import org.partnershippathways.security.Agency;
import org.springframework.web.client.RestClient;

/** The voluntary-sector partners' referral system: service referrals (information requests too), notifications. */
public class VoluntaryAdapter extends JsonPartnerAdapter {

  public VoluntaryAdapter(PartnersProperties.Endpoint endpoint, RestClient.Builder builder, Clock clock) {
    super(Agency.VOLUNTARY, endpoint, builder, clock);
  }

  @Override
  protected String path(PartnerRequestType type) {
    return switch (type) {
      case SERVICE_REFERRAL, INFORMATION_REQUEST -> "/service-referrals";
      default -> "/notifications";
    };
  }
}
