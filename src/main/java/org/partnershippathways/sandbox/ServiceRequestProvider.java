package org.partnershippathways.sandbox;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ServiceRequest;

/** {@code /fhir/ServiceRequest}: referrals and information requests to the NHS partner. */
class ServiceRequestProvider implements IResourceProvider {

  private final FhirRequestStore<ServiceRequest> store;

  ServiceRequestProvider(FhirRequestStore<ServiceRequest> store) {
    this.store = store;
  }

  @Override
  public Class<ServiceRequest> getResourceType() {
    return ServiceRequest.class;
  }

  @Create
  public MethodOutcome create(@ResourceParam ServiceRequest request, @ConditionalUrlParam String conditionalUrl) {
    return store.create(request, conditionalUrl);
  }

  @Read
  public ServiceRequest read(@IdParam IdType id) {
    return store.read(id);
  }

  @Search
  public List<ServiceRequest> search(@OptionalParam(name = ServiceRequest.SP_IDENTIFIER) TokenParam identifier) {
    return store.search(identifier);
  }
}
