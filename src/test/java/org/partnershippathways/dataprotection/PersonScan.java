package org.partnershippathways.dataprotection;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Scans every column of every table of the schema, ours and the engine's: text columns for the person's names, NHS
 * number and date of birth (written 1934-05-06 and 06/05/1934), binary columns (serialised variables, byte arrays)
 * for the same bytes, date columns for the date of birth. A finding names the table and column.
 */
final class PersonScan {

  private static final Set<Integer> TEXT = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB,
      Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.NCLOB);
  private static final Set<Integer> BINARY = Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB);
  private static final Set<Integer> DATES = Set.of(Types.DATE, Types.TIMESTAMP);

  private final DataSource dataSource;
  private final List<String> terms;
  private final LocalDate dateOfBirth;

  PersonScan(DataSource dataSource, String givenName, String familyName, String nhsNumber, LocalDate dateOfBirth) {
    this.dataSource = dataSource;
    this.terms = List.of(givenName, familyName, nhsNumber, dateOfBirth.toString(),
        dateOfBirth.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    this.dateOfBirth = dateOfBirth;
  }

  List<String> findings() throws SQLException {
    List<String> findings = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      String schema = connection.getSchema();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      for (String table : tables) {
        try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
          while (rs.next()) {
            scan(connection, table, rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"), findings);
          }
        }
      }
    }
    return findings;
  }

  private void scan(Connection connection, String table, String column, int type, List<String> findings)
      throws SQLException {
    String from = " from \"" + table + "\" where \"" + column + "\"";
    if (TEXT.contains(type)) {
      for (String term : terms) {
        try (PreparedStatement query = connection.prepareStatement("select count(*)" + from + " like ?")) {
          query.setString(1, "%" + term + "%");
          if (count(query) > 0) {
            findings.add(table + "." + column + " holds '" + term + "'");
          }
        }
      }
    } else if (BINARY.contains(type)) {
      try (PreparedStatement query = connection.prepareStatement("select \"" + column + "\"" + from
          + " is not null"); ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          String bytes = new String(rs.getBytes(1), StandardCharsets.ISO_8859_1);
          terms.stream().filter(term -> bytes.contains(new String(term.getBytes(StandardCharsets.UTF_8),
              StandardCharsets.ISO_8859_1))).forEach(term -> findings.add(table + "." + column + " holds '" + term
              + "' in its bytes"));
        }
      }
    } else if (DATES.contains(type)) {
      try (PreparedStatement query = connection.prepareStatement("select count(*)" + from + " = ?")) {
        query.setObject(1, type == Types.DATE ? dateOfBirth : dateOfBirth.atStartOfDay());
        if (count(query) > 0) {
          findings.add(table + "." + column + " holds the date of birth " + dateOfBirth);
        }
      }
    }
  }

  private static long count(PreparedStatement query) throws SQLException {
    try (ResultSet rs = query.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
