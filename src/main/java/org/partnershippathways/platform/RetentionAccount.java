package org.partnershippathways.platform;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention purge's own connection to the database, as its own account ({@link DatabaseAccounts}): the one
 * allowed to delete rows of the {@link AppendOnlyTables}. It opens a connection only when the purge runs. Without a
 * retention account it is the application's own.
 */
@Component
public class RetentionAccount {

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  RetentionAccount(DataSource application, DataSourceProperties settings, DatabaseAccounts accounts) {
    this.dataSource = accounts.retention().isSet()
        ? DataSourceBuilder.create().type(SimpleDriverDataSource.class)
            .driverClassName(settings.determineDriverClassName()).url(settings.determineUrl())
            .username(accounts.retention().username()).password(accounts.retention().password()).build()
        : application;
    this.jdbc = JdbcClient.create(dataSource);
    this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  public JdbcClient jdbc() {
    return jdbc;
  }

  public TransactionTemplate transaction() {
    return transaction;
  }

  public DatabaseKind databaseKind() {
    return DatabaseKind.of(dataSource);
  }
}
