package org.partnershippathways.platform;

import java.util.List;

/**
 * Tables the application may only read and append to, whatever code runs in it: the application's database account
 * gets neither UPDATE nor DELETE on them ({@link DatabaseGrants}), their triggers refuse both to everybody, and only
 * the retention purge's account may delete rows past their period.
 */
final class AppendOnlyTables {

  static final List<String> NAMES = List.of("disclosure_audit");

  /** Tables that point at the start and end of an append-only chain: the retention account moves their start. */
  static final List<String> CHAIN_HEADS = List.of("disclosure_ledger_head");

  private AppendOnlyTables() {
  }

  static boolean isAppendOnly(String table) {
    return NAMES.stream().anyMatch(table::equalsIgnoreCase);
  }

  static boolean isChainHead(String table) {
    return CHAIN_HEADS.stream().anyMatch(table::equalsIgnoreCase);
  }
}
