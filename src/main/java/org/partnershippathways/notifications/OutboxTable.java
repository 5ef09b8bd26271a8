package org.partnershippathways.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code notification_outbox}. A sender claims a row with an update that succeeds only while nobody else holds it
 * (the same statement on H2 and PostgreSQL), so that two nodes never send the same row; a claim runs out after
 * {@code claimFor}, should its sender stop.
 */
@Repository
class OutboxTable {

  static final String WAITING = "WAITING";
  static final String SENT = "SENT";
  static final String FAILED = "FAILED";

  private final JdbcClient jdbc;

  OutboxTable(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  record Row(String id, String recipient, String subject, String body, int attempts) {
  }

  void add(String caseId, NotificationKind kind, String group, String recipient, MailText text, Instant now) {
    jdbc.sql("insert into notification_outbox (id, case_id, kind, recipient_group, recipient, subject, body, status,"
            + " attempts, next_attempt_at, created_at) values (:id, :caseId, :kind, :group, :recipient, :subject,"
            + " :body, :status, 0, :now, :now)")
        .param("id", UUID.randomUUID().toString()).param("caseId", caseId).param("kind", kind.name())
        .param("group", group).param("recipient", recipient).param("subject", text.subject())
        .param("body", text.body()).param("status", WAITING).param("now", Timestamp.from(now))
        .update();
  }

  /** Ids of rows due to be sent that nobody holds, oldest first. */
  List<String> due(Instant now, int limit) {
    return jdbc.sql("select id from notification_outbox where status = :status and next_attempt_at <= :now"
            + " and (claimed_until is null or claimed_until < :now) order by next_attempt_at, created_at"
            + " fetch first " + Math.max(1, limit) + " rows only")
        .param("status", WAITING).param("now", Timestamp.from(now))
        .query(String.class).list();
  }

  /** Takes the row for {@code sender} until {@code until}; false when another sender took it first. */
  boolean claim(String id, String sender, Instant now, Instant until) {
    return jdbc.sql("update notification_outbox set claimed_by = :sender, claimed_until = :until where id = :id"
            + " and status = :status and (claimed_until is null or claimed_until < :now)")
        .param("sender", sender).param("until", Timestamp.from(until)).param("id", id).param("status", WAITING)
        .param("now", Timestamp.from(now))
        .update() == 1;
  }

  Row row(String id) {
    return jdbc.sql("select id, recipient, subject, body, attempts from notification_outbox where id = :id")
        .param("id", id)
        .query((rs, n) -> new Row(rs.getString("id"), rs.getString("recipient"), rs.getString("subject"),
            rs.getString("body"), rs.getInt("attempts")))
        .single();
  }

  void sent(String id, String sender, Instant now) {
    jdbc.sql("update notification_outbox set status = :status, sent_at = :now, attempts = attempts + 1,"
            + " claimed_by = null, claimed_until = null, last_error = null where id = :id and claimed_by = :sender")
        .param("status", SENT).param("now", Timestamp.from(now)).param("id", id).param("sender", sender)
        .update();
  }

  /** One more failed attempt: tried again at {@code next}, or given up ({@link #FAILED}) when {@code giveUp}. */
  void attemptFailed(String id, String sender, String error, Instant next, boolean giveUp) {
    jdbc.sql("update notification_outbox set status = :status, attempts = attempts + 1, next_attempt_at = :next,"
            + " claimed_by = null, claimed_until = null, last_error = :error where id = :id and claimed_by = :sender")
        .param("status", giveUp ? FAILED : WAITING).param("next", Timestamp.from(next))
        .param("error", error.length() > 500 ? error.substring(0, 500) : error).param("id", id)
        .param("sender", sender)
        .update();
  }

  /** How many rows are in each status. */
  Map<String, Long> countsByStatus() {
    return jdbc.sql("select status, count(*) as n from notification_outbox group by status")
        .query((rs, n) -> Map.entry(rs.getString("status"), rs.getLong("n"))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
