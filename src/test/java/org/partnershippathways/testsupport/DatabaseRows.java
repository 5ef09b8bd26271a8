package org.partnershippathways.testsupport;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many rows every table holds, ours and the engine's (runtime and history), in one query: what a refused
 * request must leave as it found it. Only the engine's metrics and Liquibase's lock are left out: they change on
 * their own.
 */
public final class DatabaseRows {

  private static final Set<String> CHANGING_ON_THEIR_OWN = Set.of("act_ru_meter_log", "act_ru_task_meter_log",
      "databasechangeloglock", "act_ge_property");

  private final JdbcTemplate jdbc;
  private final List<String> tables;
  private final String countAll;

  public DatabaseRows(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.tables = tablesOf(dataSource);
    this.countAll = "select " + tables.stream()
        .map(table -> "(select count(*) from " + table + ")")
        .collect(Collectors.joining(", "));
  }

  /** Rows per table, now. */
  public Map<String, Long> count() {
    return jdbc.query(countAll, rows -> {
      rows.next();
      Map<String, Long> counts = new LinkedHashMap<>();
      for (int i = 0; i < tables.size(); i++) {
        counts.put(tables.get(i), rows.getLong(i + 1));
      }
      return counts;
    });
  }

  public List<String> tables() {
    return tables;
  }

  private static List<String> tablesOf(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet found = meta.getTables(connection.getCatalog(), connection.getSchema(), "%",
          new String[] {"TABLE"})) {
        while (found.next()) {
          String name = found.getString("TABLE_NAME");
          if (!CHANGING_ON_THEIR_OWN.contains(name.toLowerCase(Locale.ROOT))) {
            tables.add(name);
          }
        }
      }
      return tables;
    } catch (SQLException e) {
      throw new IllegalStateException("The tables could not be listed", e);
    }
  }
}
