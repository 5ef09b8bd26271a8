package org.partnershippathways.partners;

import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.partnershippathways.platform.DatabaseKind;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes disclosure ledger rows past their retention period, from the start of the chain only: a row waits while
 * an older one is still kept, so the chain stays whole and verifiable from its new start. The one deleter of the
 * ledger (the retention purge calls it).
 */
@Component
public class LedgerRetention {

  private final DisclosureAuditTable table;
  private final DatabaseKind database;

  LedgerRetention(DisclosureAuditTable table, DataSource dataSource) {
    this.table = table;
    this.database = DatabaseKind.of(dataSource);
  }

  /** Removes at most {@code max} rows disclosed before {@code cutoff}; returns how many went. */
  @Transactional
  public int removeBefore(Instant cutoff, int max) {
    DisclosureAuditTable.Head head = table.lockedHead();
    List<DisclosureAuditTable.Link> links = table.firstLinks(head.firstPosition(), max);
    DisclosureAuditTable.Link last = null;
    long expected = head.firstPosition();
    for (DisclosureAuditTable.Link link : links) {
      if (link.position() != expected || !link.disclosedAt().isBefore(cutoff)) {
        break;
      }
      last = link;
      expected++;
    }
    return last == null ? 0 : table.removeFromStart(last.position(), last.rowDigest(), database);
  }
}
