package org.partnershippathways.partners;

import java.util.List;
import org.partnershippathways.security.Agency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The agencies that received data about a case, from the disclosure audit: every transmission the gateway made (or
 * attempted: the audit is written before the partner is called), notices of withdrawal themselves left out.
 */
@Component
public class DisclosureRecipients {

  private final JdbcClient jdbc;

  public DisclosureRecipients(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Agency> of(String caseId) {
    return jdbc.sql("select distinct agency from disclosure_audit where case_id = :caseId and request_type <> :notice")
        .param("caseId", caseId)
        .param("notice", PartnerRequestType.CONSENT_WITHDRAWAL.name())
        .query(String.class).list().stream()
        .map(id -> Agency.ofGroupId(id).orElseThrow(() -> new IllegalStateException("Unknown agency " + id)))
        .sorted()
        .toList();
  }
}
