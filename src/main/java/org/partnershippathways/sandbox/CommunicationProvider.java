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
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.IdType;

/** {@code /fhir/Communication}: notifications and invitations to the NHS partner. */
class CommunicationProvider implements IResourceProvider {

  private final FhirRequestStore<Communication> store;

  CommunicationProvider(FhirRequestStore<Communication> store) {
    this.store = store;
  }

  @Override
  public Class<Communication> getResourceType() {
    return Communication.class;
  }

  @Create
  public MethodOutcome create(@ResourceParam Communication communication,
      @ConditionalUrlParam String conditionalUrl) {
    return store.create(communication, conditionalUrl);
  }

  @Read
  public Communication read(@IdParam IdType id) {
    return store.read(id);
  }

  @Search
  public List<Communication> search(@OptionalParam(name = Communication.SP_IDENTIFIER) TokenParam identifier) {
    return store.search(identifier);
  }
}
