package org.partnershippathways.sharing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code information_request} and {@code partner_response}. */
@Repository
class SharingTable {

  private final JdbcClient jdbc;

  public SharingTable(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The request of this process instance to the agency was sent (again): it waits for a reply. */
  public void requestSent(String caseId, String agency, String processInstanceId) {
    Timestamp now = now();
    int updated = jdbc.sql("update information_request set status = 'WAITING', requested_at = :now, closed_at = null "
            + "where process_instance_id = :pid and agency = :agency")
        .param("now", now).param("pid", processInstanceId).param("agency", agency)
        .update();
    if (updated == 0) {
      jdbc.sql("insert into information_request (id, case_id, agency, process_instance_id, status, requested_at) "
              + "values (:id, :caseId, :agency, :pid, 'WAITING', :now)")
          .param("id", UUID.randomUUID().toString()).param("caseId", caseId).param("agency", agency)
          .param("pid", processInstanceId).param("now", now)
          .update();
    }
  }

  public void chased(String agency, String processInstanceId) {
    jdbc.sql("update information_request set chased_at = :now where process_instance_id = :pid and agency = :agency")
        .param("now", now()).param("pid", processInstanceId).param("agency", agency)
        .update();
  }

  /** Ends every request of the case still waiting for a reply, with the reason; returns how many. */
  public int endWaiting(String caseId, String reason) {
    return jdbc.sql("update information_request set status = :status, closed_at = :now, closed_reason = :reason "
            + "where case_id = :caseId and status = 'WAITING'")
        .param("status", InformationRequestStatus.ENDED.name()).param("now", now()).param("reason", reason)
        .param("caseId", caseId)
        .update();
  }

  /** Closes the request, unless it was already answered. */
  public void close(String caseId, String agency, String processInstanceId, InformationRequestStatus status) {
    int updated = jdbc.sql("update information_request set status = :status, closed_at = :now "
            + "where process_instance_id = :pid and agency = :agency and status <> 'ANSWERED'")
        .param("status", status.name()).param("now", now()).param("pid", processInstanceId).param("agency", agency)
        .update();
    if (updated == 0 && requestOf(processInstanceId, agency).isEmpty()) {
      // rejected before it was ever accepted: keep a row so that the review sees the agency was skipped
      jdbc.sql("insert into information_request (id, case_id, agency, process_instance_id, status, requested_at, "
              + "closed_at) values (:id, :caseId, :agency, :pid, :status, :now, :now)")
          .param("id", UUID.randomUUID().toString()).param("caseId", caseId).param("agency", agency)
          .param("pid", processInstanceId).param("status", status.name()).param("now", now())
          .update();
    }
  }

  public Optional<InformationRequestView> requestOf(String processInstanceId, String agency) {
    return jdbc.sql("select * from information_request where process_instance_id = :pid and agency = :agency")
        .param("pid", processInstanceId).param("agency", agency)
        .query(SharingTable::request).optional();
  }

  /** The request to the agency that waits for a reply, newest first. */
  public Optional<InformationRequestView> waitingRequest(String caseId, String agency) {
    return jdbc.sql("select * from information_request where case_id = :caseId and agency = :agency "
            + "and status = 'WAITING' order by requested_at desc")
        .param("caseId", caseId).param("agency", agency)
        .query(SharingTable::request).list().stream().findFirst();
  }

  /** The latest request to the agency on the case, whatever its status. */
  public Optional<InformationRequestView> latestRequest(String caseId, String agency) {
    return jdbc.sql("select * from information_request where case_id = :caseId and agency = :agency "
            + "order by requested_at desc")
        .param("caseId", caseId).param("agency", agency)
        .query(SharingTable::request).list().stream().findFirst();
  }

  public List<InformationRequestView> requestsOfInstance(String processInstanceId) {
    return jdbc.sql("select * from information_request where process_instance_id = :pid order by agency")
        .param("pid", processInstanceId)
        .query(SharingTable::request).list();
  }

  public List<InformationRequestView> requestsOfCase(String caseId) {
    return jdbc.sql("select * from information_request where case_id = :caseId order by requested_at, agency")
        .param("caseId", caseId)
        .query(SharingTable::request).list();
  }

  public boolean hasRequests(String caseId) {
    return jdbc.sql("select count(*) from information_request where case_id = :caseId")
        .param("caseId", caseId).query(Long.class).single() > 0;
  }

  public PartnerResponseView saveResponse(String caseId, String agency, String requestId, String summary,
      boolean holdsInformation, String respondedBy, String partnerReference, String receivedFrom) {
    String id = UUID.randomUUID().toString();
    Timestamp now = now();
    jdbc.sql("insert into partner_response (id, case_id, agency, information_request_id, summary, holds_information, "
            + "partner_reference, responded_by, received_from, received_at) values (:id, :caseId, :agency, "
            + ":requestId, :summary, :holds, :reference, :respondedBy, :receivedFrom, :now)")
        .param("id", id).param("caseId", caseId).param("agency", agency).param("requestId", requestId)
        .param("summary", summary).param("holds", holdsInformation).param("reference", partnerReference)
        .param("respondedBy", respondedBy).param("receivedFrom", receivedFrom).param("now", now)
        .update();
    if (requestId != null) {
      jdbc.sql("update information_request set status = 'ANSWERED', closed_at = :now where id = :id")
          .param("now", now).param("id", requestId).update();
    }
    return new PartnerResponseView(id, caseId, agency, summary, holdsInformation, respondedBy, partnerReference,
        now.toInstant());
  }

  public Optional<PartnerResponseView> responseWithReference(String caseId, String agency, String partnerReference) {
    return jdbc.sql("select * from partner_response where case_id = :caseId and agency = :agency "
            + "and partner_reference = :reference")
        .param("caseId", caseId).param("agency", agency).param("reference", partnerReference)
        .query(SharingTable::response).optional();
  }

  public List<PartnerResponseView> responsesOfCase(String caseId, Collection<String> agencies) {
    return jdbc.sql("select * from partner_response where case_id = :caseId and agency in (:agencies) "
            + "order by received_at, agency")
        .param("caseId", caseId).param("agencies", agencies)
        .query(SharingTable::response).list();
  }

  public Optional<PartnerResponseView> responseTo(String requestId) {
    return jdbc.sql("select * from partner_response where information_request_id = :id order by received_at desc")
        .param("id", requestId)
        .query(SharingTable::response).list().stream().findFirst();
  }

  private static Timestamp now() {
    return Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  private static InformationRequestView request(ResultSet row, int rowNumber) throws SQLException {
    return new InformationRequestView(row.getString("id"), row.getString("case_id"), row.getString("agency"),
        InformationRequestStatus.valueOf(row.getString("status")), instant(row, "requested_at"),
        instant(row, "chased_at"), instant(row, "closed_at"));
  }

  private static PartnerResponseView response(ResultSet row, int rowNumber) throws SQLException {
    return new PartnerResponseView(row.getString("id"), row.getString("case_id"), row.getString("agency"),
        row.getString("summary"), row.getBoolean("holds_information"), row.getString("responded_by"),
        row.getString("partner_reference"), instant(row, "received_at"));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp timestamp = row.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
