package org.partnershippathways.accesslog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.partnershippathways.cases.CasesOfPartnerships;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Table {@code case_access_log}: append-only (the database refuses updates and deletes but the purge's). */
@Repository
class AccessLogTable {

  /** One read of one case. */
  record Read(String caseId, String userId, String whatCode, String whatWords, Door door, Instant readAt) {
  }

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  AccessLogTable(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /**
   * One statement for all the reads (one per case of a list), in a transaction of its own: a read may run in a
   * read-only transaction, and the record stands even if the reader's work fails after the read.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void insert(List<Read> reads) {
    template.batchUpdate("insert into case_access_log (id, case_id, user_id, what_code, what_words, door, read_at)"
        + " values (?, ?, ?, ?, ?, ?, ?)", reads, reads.size(), (statement, read) -> {
          statement.setString(1, UUID.randomUUID().toString());
          statement.setString(2, read.caseId());
          statement.setString(3, read.userId());
          statement.setString(4, read.whatCode());
          statement.setString(5, read.whatWords());
          statement.setString(6, read.door().name());
          statement.setTimestamp(7, Timestamp.from(read.readAt()));
        });
  }

  /** The case's reads, newest first, at most {@code max}. */
  List<Read> ofCase(String caseId, int max) {
    return jdbc.sql("select * from case_access_log where case_id = :caseId order by read_at desc limit :max")
        .param("caseId", caseId).param("max", max).query(this::read).list();
  }

  /**
   * Reads from {@code from} (inclusive) to {@code to} (exclusive) of the partnerships' cases, erased ones included,
   * oldest first.
   */
  List<Read> between(Instant from, Instant to, List<String> partnerships) {
    return jdbc.sql("select * from case_access_log l where read_at >= :from and read_at < :to and "
            + CasesOfPartnerships.contain("l.case_id") + " order by read_at")
        .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .param("partnerships", partnerships.isEmpty() ? List.of("") : partnerships).query(this::read).list();
  }

  private Read read(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Read(rs.getString("case_id"), rs.getString("user_id"), rs.getString("what_code"),
        rs.getString("what_words"), Door.ofCode(rs.getString("door")), rs.getTimestamp("read_at").toInstant());
  }
}
