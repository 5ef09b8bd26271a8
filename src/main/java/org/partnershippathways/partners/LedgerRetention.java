package org.partnershippathways.partners;

import java.time.Instant;
import java.util.List;
import org.partnershippathways.platform.DatabaseKind;
import org.partnershippathways.platform.RetentionAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Removes disclosure ledger rows past their retention period, from the start of the chain only: a row waits while
 * an older one is still kept, so the chain stays whole and verifiable from its new start. The one deleter of the
 * ledger (the retention purge calls it), connected as the retention account, the only one the database lets delete.
 */
@Component
public class LedgerRetention {

  private final RetentionAccount account;

  LedgerRetention(RetentionAccount account) {
    this.account = account;
  }

  private record Link(long position, String rowDigest, Instant disclosedAt) {
  }

  /** Removes at most {@code max} rows disclosed before {@code cutoff}; returns how many went. */
  public int removeBefore(Instant cutoff, int max) {
    Integer removed = account.transaction().execute(status -> {
      JdbcClient jdbc = account.jdbc();
      DisclosureAuditTable.Head head = jdbc.sql("select * from disclosure_ledger_head where id = :id for update")
          .param("id", DisclosureAuditTable.HEAD).query(DisclosureAuditTable::headRow).single();
      Link last = null;
      long expected = head.firstPosition();
      for (Link link : firstLinks(jdbc, head.firstPosition(), max)) {
        if (link.position() != expected || !link.disclosedAt().isBefore(cutoff)) {
          break;
        }
        last = link;
        expected++;
      }
      return last == null ? 0 : removeFromStart(jdbc, last);
    });
    return removed == null ? 0 : removed;
  }

  private static List<Link> firstLinks(JdbcClient jdbc, long firstPosition, int max) {
    return jdbc.sql("""
            select chain_position, row_digest, disclosed_at from disclosure_audit
            where chain_position >= :first order by chain_position limit :max""")
        .param("first", firstPosition).param("max", max)
        .query((rs, row) -> new Link(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
        .list();
  }

  /** Removes the rows through {@code last} and moves the chain's start after them, anchored on its digest. */
  private int removeFromStart(JdbcClient jdbc, Link last) {
    retentionFlag(jdbc, "'on'");
    try {
      int removed = jdbc.sql("delete from disclosure_audit where chain_position <= :last")
          .param("last", last.position()).update();
      jdbc.sql("update disclosure_ledger_head set first_position = :first, anchor_digest = :anchor where id = :id")
          .param("first", last.position() + 1).param("anchor", last.rowDigest())
          .param("id", DisclosureAuditTable.HEAD).update();
      return removed;
    } finally {
      retentionFlag(jdbc, "'off'");
    }
  }

  /** The ledger's trigger lets through only deletes of a transaction that says it is the retention purge's. */
  private void retentionFlag(JdbcClient jdbc, String value) {
    if (account.databaseKind() == DatabaseKind.POSTGRES) {
      jdbc.sql("select set_config('pathways.ledger_retention', " + value + ", true)").query().listOfRows();
    } else {
      jdbc.sql("set @ledger_retention = " + value).update();
    }
  }
}
