package org.partnershippathways.partners;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Service;

/**
 * Recomputes the disclosure ledger's hash chain from its first row to its head and names the first broken link: a
 * row whose contents no longer match its digest (changed after it was written), a row that does not follow the one
 * before it (a row removed or put in between), a gap in the positions, or a head that points past the last row.
 */
@Service
record LedgerVerification(DisclosureAuditTable table) {

  private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
      .withZone(ZoneId.of("Europe/London"));

  /** The first link that does not hold, in words. */
  public record BrokenLink(long position, String disclosureId, String caseId, Instant disclosedAt, String problem) {
  }

  /** The outcome: whether the ledger is as it was written, how many rows were checked, and where it breaks. */
  public record Verification(boolean intact, long rowsChecked, long firstPosition, long lastPosition,
      BrokenLink firstBrokenLink, String summary) {
  }

  public Verification verify() {
    DisclosureAuditTable.Head head = table.head();
    Walk walk = new Walk(head.firstPosition(), head.anchorDigest());
    table.chain(head.firstPosition(), walk::check);
    if (walk.broken == null && (walk.nextPosition - 1 != head.lastPosition()
        || !walk.previousDigest.equals(head.lastDigest()))) {
      walk.broken = new BrokenLink(head.lastPosition(), null, null, null, "the ledger's head names position "
          + head.lastPosition() + " as the last row, but the rows end at position " + (walk.nextPosition - 1)
          + " or their last digest differs: rows at the end were removed or the head was changed");
    }
    String range = "positions " + head.firstPosition() + " to " + head.lastPosition();
    String summary = walk.broken == null
        ? "All " + walk.checked + " disclosures (" + range + ") are as they were written."
        : "The ledger is broken at position " + walk.broken.position()
            + (walk.broken.disclosureId() == null ? "" : " (disclosure " + walk.broken.disclosureId() + " of case "
                + walk.broken.caseId() + ", made " + UK.format(walk.broken.disclosedAt()) + ")")
            + ": " + walk.broken.problem() + ".";
    return new Verification(walk.broken == null, walk.checked, head.firstPosition(), head.lastPosition(),
        walk.broken, summary);
  }

  /** The walk along the chain: what the next row must be, and the first link that was not. */
  private static final class Walk {
    private long nextPosition;
    private String previousDigest;
    private long checked;
    private BrokenLink broken;

    Walk(long firstPosition, String anchorDigest) {
      this.nextPosition = firstPosition;
      this.previousDigest = anchorDigest;
    }

    void check(DisclosureAuditTable.StoredLink link) {
      if (broken != null) {
        return;
      }
      LedgerEntry entry = link.entry();
      String problem = null;
      if (entry.position() != nextPosition) {
        problem = "the row before it should be at position " + (nextPosition - 1) + " but positions " + nextPosition
            + " to " + (entry.position() - 1) + " are missing";
      } else if (!previousDigest.equals(entry.previousDigest())) {
        problem = "it does not follow the row before it (its previous digest is not that row's digest):"
            + " a row was removed, put in between or changed with its digest";
      } else if (!entry.digest().equals(link.rowDigest())) {
        problem = "its contents no longer match its digest: the row was changed after it was written";
      }
      if (problem != null) {
        broken = new BrokenLink(entry.position(), entry.id(), entry.caseId(), entry.disclosedAt(), problem);
        return;
      }
      checked++;
      nextPosition++;
      previousDigest = link.rowDigest();
    }
  }
}
