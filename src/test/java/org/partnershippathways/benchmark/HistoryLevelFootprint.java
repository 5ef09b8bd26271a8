package org.partnershippathways.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * (h) What closed cases leave in the database at one history level: per table, rows, bytes of the rows as stored
 * ({@code pg_column_size}) and the size of the table with its indexes and TOAST ({@code pg_total_relation_size}: what
 * the files grew by, dead rows of deleted runtime rows included until they are reused), grouped as the engine's
 * runtime ({@code act_ru_*}), its history ({@code act_hi_*}), the rest of the engine (byte arrays, definitions,
 * identity: {@code act_ge_*}, {@code act_re_*}, {@code act_id_*}) and ours (every other table but Liquibase's).
 */
final class HistoryLevelFootprint {

  static final List<String> GROUPS = List.of("runtime", "history", "engine other", "ours");

  /** One table's state. */
  record Table(long rows, long rowBytes, long totalBytes) {
    Table minus(Table other) {
      return new Table(rows - other.rows, rowBytes - other.rowBytes, totalBytes - other.totalBytes);
    }
  }

  /** Every table's state, by table name. */
  record Snapshot(Map<String, Table> tables) {
    Snapshot minus(Snapshot earlier) {
      Map<String, Table> difference = new TreeMap<>();
      tables.forEach((name, table) -> difference.put(name,
          table.minus(earlier.tables.getOrDefault(name, new Table(0, 0, 0)))));
      return new Snapshot(difference);
    }

    /** Rows, row bytes and relation bytes of one group. */
    Table group(String group) {
      long rows = 0;
      long rowBytes = 0;
      long totalBytes = 0;
      for (Map.Entry<String, Table> entry : tables.entrySet()) {
        if (group.equals(groupOf(entry.getKey()))) {
          rows += entry.getValue().rows();
          rowBytes += entry.getValue().rowBytes();
          totalBytes += entry.getValue().totalBytes();
        }
      }
      return new Table(rows, rowBytes, totalBytes);
    }

    Table total() {
      return GROUPS.stream().map(this::group).reduce(new Table(0, 0, 0),
          (a, b) -> new Table(a.rows + b.rows, a.rowBytes + b.rowBytes, a.totalBytes + b.totalBytes));
    }

    /** Rows per case of each table that changed, for the JSON result. */
    Map<String, Double> rowsPerCase(int cases) {
      Map<String, Double> perCase = new LinkedHashMap<>();
      tables.forEach((name, table) -> {
        if (table.rows() != 0) {
          perCase.put(name, table.rows() / (double) cases);
        }
      });
      return perCase;
    }
  }

  private HistoryLevelFootprint() {
  }

  static Snapshot snapshot(JdbcTemplate jdbc) {
    List<String> names = jdbc.queryForList(
        "select tablename from pg_tables where schemaname = current_schema()", String.class);
    Map<String, Table> tables = new TreeMap<>();
    for (String name : names) {
      if (groupOf(name) == null) {
        continue;
      }
      tables.put(name, jdbc.queryForObject("select count(*), coalesce(sum(pg_column_size(t.*)), 0),"
          + " pg_total_relation_size('\"" + name + "\"') from \"" + name + "\" t",
          (rs, row) -> new Table(rs.getLong(1), rs.getLong(2), rs.getLong(3))));
    }
    return new Snapshot(tables);
  }

  static String groupOf(String table) {
    String name = table.toLowerCase(java.util.Locale.ROOT);
    if (name.startsWith("databasechangelog")) {
      return null;
    }
    if (name.startsWith("act_ru_")) {
      return "runtime";
    }
    if (name.startsWith("act_hi_")) {
      return "history";
    }
    return name.startsWith("act_") ? "engine other" : "ours";
  }

  /** Waits until no job is due (the asynchronous steps after closure, e.g. the referrer's notification, ran). */
  static void awaitNoDueJobs(JdbcTemplate jdbc) throws InterruptedException {
    long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
    while (jdbc.queryForObject("select count(*) from act_ru_job where retries_ > 0 and suspension_state_ = 1"
        + " and (duedate_ is null or duedate_ <= now())", Long.class) > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("jobs still due after 2 minutes");
      }
      Thread.sleep(200);
    }
  }
}
