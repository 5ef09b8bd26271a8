package org.partnershippathways.timings;

import javax.sql.DataSource;
import org.partnershippathways.platform.DatabaseKind;

/** The few SQL expressions in which PostgreSQL and H2 differ: week numbers. */
enum SqlDialect {
  POSTGRES {
    @Override
    String weekIndex(String timestamp) {
      return "FLOOR((CAST(" + timestamp + " AS DATE) - DATE '" + MONDAY + "') / 7.0)";
    }
  },
  H2 {
    @Override
    String weekIndex(String timestamp) {
      return "FLOOR(DATEDIFF('DAY', DATE '" + MONDAY + "', CAST(" + timestamp + " AS DATE)) / 7.0)";
    }
  };

  /** A Monday: week numbers count whole weeks from it, so each number is one ISO week. */
  static final String MONDAY = "2001-01-01";

  /** The number of the week (Monday to Sunday) of a timestamp, counted from {@link #MONDAY}. */
  abstract String weekIndex(String timestamp);

  static SqlDialect of(DataSource dataSource) {
    return DatabaseKind.of(dataSource) == DatabaseKind.POSTGRES ? POSTGRES : H2;
  }
}
