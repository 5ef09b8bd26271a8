package org.partnershippathways.partners;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.util.List;
import org.partnershippathways.cases.Cases;
import org.partnershippathways.consent.SharingPermissions;
import org.partnershippathways.partners.health.HealthFhirAdapter;
import org.partnershippathways.partners.police.PoliceAdapter;
import org.partnershippathways.partners.socialcare.SocialCareAdapter;
import org.partnershippathways.partners.voluntary.VoluntaryAdapter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/** The partner gateway and one adapter per agency. */
@Configuration(proxyBeanMethods = false)
class PartnersConfiguration {

  private static final Clock CLOCK = Clock.systemUTC();

  @Bean
  PartnerGateway partnerGateway(SharingPermissions permissions, Cases cases,
      List<PartnerAdapter> adapters, PartnerRequestTable requests, DisclosureAuditTable audit,
      PlatformTransactionManager transactionManager) {
    TransactionTemplate ownTransaction = new TransactionTemplate(transactionManager);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    return new AuditedPartnerGateway(permissions, cases, adapters, requests, audit,
        ownTransaction, CLOCK);
  }

  @Bean
  PoliceAdapter policeAdapter(PartnersProperties properties, RestClient.Builder builder) {
    return new PoliceAdapter(properties.police(), builder, CLOCK);
  }

  @Bean
  HealthFhirAdapter healthAdapter(PartnersProperties properties, RestClient.Builder builder) {
    // a context of its own: client timeouts are set per context
    return new HealthFhirAdapter(properties.health(), FhirContext.forR4(), builder, CLOCK);
  }

  @Bean
  SocialCareAdapter socialCareAdapter(PartnersProperties properties, RestClient.Builder builder) {
    return new SocialCareAdapter(properties.socialCare(), builder, CLOCK);
  }

  @Bean
  VoluntaryAdapter voluntaryAdapter(PartnersProperties properties, RestClient.Builder builder) {
    return new VoluntaryAdapter(properties.voluntary(), builder, CLOCK);
  }
}
