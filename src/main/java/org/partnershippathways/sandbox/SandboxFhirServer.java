package org.partnershippathways.sandbox;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.RestfulServer;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The NHS partner: a HAPI FHIR R4 server at {@code /fhir}, with ServiceRequest (referrals, information requests), Communication (notifications) and Consent (withdrawals of consent). */
@Configuration(proxyBeanMethods = false)
class SandboxFhirServer {

  @Bean
  ServletRegistrationBean<RestfulServer> fhirServlet(ReceivedRequests received, PartnerReplies replies,
      PartnerBehaviour behaviour) {
    FhirContext fhir = FhirContext.forR4();
    RestfulServer server = new RestfulServer(fhir);
    server.setResourceProviders(
        new FhirRequestStore<>(ServiceRequest.class, ServiceRequest::getIdentifier,
            request -> request.getCode().getCodingFirstRep().getCode(), fhir, received, replies, behaviour),
        new FhirRequestStore<>(Communication.class, Communication::getIdentifier,
            communication -> communication.getCategoryFirstRep().getCodingFirstRep().getCode(), fhir, received,
            replies, behaviour),
        new FhirRequestStore<>(Consent.class, Consent::getIdentifier,
            consent -> "CONSENT_WITHDRAWAL", fhir, received, replies, behaviour));
    ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
    registration.setName("sandboxFhir");
    registration.setLoadOnStartup(1);
    return registration;
  }
}
