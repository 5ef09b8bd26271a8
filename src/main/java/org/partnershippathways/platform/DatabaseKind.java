package org.partnershippathways.platform;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** The two databases the application runs on; the few SQL differences are chosen by this. */
public enum DatabaseKind {
  POSTGRES,
  H2;

  public static DatabaseKind of(DataSource dataSource) {
    try {
      return ofProduct(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("Cannot tell which database this is", e);
    }
  }

  public static DatabaseKind of(Connection connection) throws SQLException {
    return ofProduct(connection.getMetaData().getDatabaseProductName());
  }

  private static DatabaseKind ofProduct(String product) {
    return product != null && product.toLowerCase().contains("postgres") ? POSTGRES : H2;
  }
}
