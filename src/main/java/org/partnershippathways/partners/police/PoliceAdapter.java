package org.partnershippathways.partners.police;

import java.time.Clock;
import org.partnershippathways.partners.JsonPartnerAdapter;
import org.partnershippathways.partners.PartnerRequestType;
import org.partnershippathways.partners.PartnersProperties;
import org.partnershippathways.security.Agency;
import org.springframework.web.client.RestClient;

/** The police system: records and intelligence checks, and notifications. */
public class PoliceAdapter extends JsonPartnerAdapter {

  public PoliceAdapter(PartnersProperties.Endpoint endpoint, RestClient.Builder builder, Clock clock) {
    super(Agency.POLICE, endpoint, builder, clock);
  }

  @Override
  protected String path(PartnerRequestType type) {
    return type == PartnerRequestType.INFORMATION_REQUEST ? "/records-checks" : "/notifications";
  }
}
