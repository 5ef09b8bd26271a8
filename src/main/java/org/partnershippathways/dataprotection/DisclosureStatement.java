package org.partnershippathways.dataprotection;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.partnershippathways.security.Agency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statement of disclosures for subject access: who received what about the person, when, under which consent or
 * lawful basis (and who decided it), why, and the digest of exactly what was sent, from the disclosure ledger.
 */
@Component
record DisclosureStatement(JdbcClient jdbc) {

  /** One disclosure, in words. */
  record Disclosure(String caseReference, String recipient, String what, List<String> detailsShared, Instant when,
      String basis, String legalGround, String basisDecidedBy, String sharingScope, String purpose,
      String sentBy, String partnerReference, String payloadDigest, String acknowledgedDigest) {
  }

  List<Disclosure> of(List<String> caseIds) {
    if (caseIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            select c.reference as case_reference, d.agency, d.request_type, d.fields_disclosed, d.disclosed_at,
              d.basis, coalesce(d.legal_ground, s.legal_ground, s.consent_given_by) as legal_ground,
              s.decided_by as basis_decided_by, d.sharing_scope, d.purpose, d.disclosed_by,
              r.partner_reference, d.payload_digest, r.acknowledged_digest
            from disclosure_audit d
              join pathway_case c on c.id = d.case_id
              left join partner_request r on r.id = d.partner_request_id
              left join sharing_decision s on s.id = d.sharing_decision_id
            where d.case_id in (:caseIds)
            order by d.disclosed_at, d.chain_position""")
        .param("caseIds", caseIds)
        .query((rs, row) -> new Disclosure(rs.getString("case_reference"),
            Agency.nameOf(rs.getString("agency")),
            words(rs.getString("request_type")),
            Arrays.stream(rs.getString("fields_disclosed").split(",")).filter(field -> !field.isBlank())
                .map(DisclosureStatement::words).toList(),
            rs.getTimestamp("disclosed_at").toInstant(), basis(rs.getString("basis")), rs.getString("legal_ground"),
            rs.getString("basis_decided_by"), words(rs.getString("sharing_scope")), rs.getString("purpose"),
            rs.getString("disclosed_by"), rs.getString("partner_reference"), rs.getString("payload_digest"),
            rs.getString("acknowledged_digest")))
        .list();
  }

  private static String basis(String code) {
    return switch (code) {
      case "CONSENT" -> "the person's consent";
      case "LAWFUL_BASIS" -> "a lawful basis without consent";
      default -> "none needed: the message named nobody";
    };
  }

  /** A code as words: {@code INFORMATION_REQUEST} is "information request". */
  static String words(String code) {
    return code == null ? null : Arrays.stream(code.split("_")).map(word -> word.toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(" "));
  }
}
