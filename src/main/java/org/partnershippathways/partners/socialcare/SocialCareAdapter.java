package org.partnershippathways.partners.socialcare;

import java.time.Clock;
import org.partnershippathways.partners.JsonPartnerAdapter;
import org.partnershippathways.partners.PartnerRequestType;
import org.partnershippathways.partners.PartnersProperties;
import org.partnershippathways.security.Agency;
import org.springframework.web.client.RestClient;

/** The local authority's social care system: referrals, statutory safeguarding referrals, notifications. */
public class SocialCareAdapter extends JsonPartnerAdapter {

  public SocialCareAdapter(PartnersProperties.Endpoint endpoint, RestClient.Builder builder, Clock clock) {
    super(Agency.SOCIAL_CARE, endpoint, builder, clock);
  }

  @Override
  protected String path(PartnerRequestType type) {
    return switch (type) {
      case SAFEGUARDING_REFERRAL -> "/safeguarding-referrals";
      case INFORMATION_REQUEST, SERVICE_REFERRAL -> "/referrals";
      default -> "/notifications";
    };
  }
}
