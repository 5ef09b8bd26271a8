package org.partnershippathways.partners.sandbox;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.RestfulServer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The NHS partner: a HAPI FHIR R4 server at {@code /fhir}, with the ServiceRequest endpoint. */
@Configuration(proxyBeanMethods = false)
@SandboxOnly
class SandboxFhirServer {

  @Bean
  ServletRegistrationBean<RestfulServer> fhirServlet(ReceivedRequests received, PartnerReplies replies,
      PartnerBehaviour behaviour) {
    FhirContext fhir = FhirContext.forR4();
    RestfulServer server = new RestfulServer(fhir);
    server.setResourceProviders(new ServiceRequestProvider(fhir, received, replies, behaviour));
    ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
    registration.setName("sandboxFhir");
    registration.setLoadOnStartup(1);
    return registration;
  }
}
