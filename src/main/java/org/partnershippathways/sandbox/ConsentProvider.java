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
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.IdType;

/** {@code /fhir/Consent}: withdrawals of consent told to the NHS partner (status inactive). */
class ConsentProvider implements IResourceProvider {

  private final FhirRequestStore<Consent> store;

  ConsentProvider(FhirRequestStore<Consent> store) {
    this.store = store;
  }

  @Override
  public Class<Consent> getResourceType() {
    return Consent.class;
  }

  @Create
  public MethodOutcome create(@ResourceParam Consent consent,
      @ConditionalUrlParam String conditionalUrl) {
    return store.create(consent, conditionalUrl);
  }

  @Read
  public Consent read(@IdParam IdType id) {
    return store.read(id);
  }

  @Search
  public List<Consent> search(@OptionalParam(name = Consent.SP_IDENTIFIER) TokenParam identifier) {
    return store.search(identifier);
  }
}
