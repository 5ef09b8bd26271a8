package org.partnershippathways.platform;

import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.autoconfigure.liquibase.LiquibaseProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Liquibase owns the whole schema (db/changelog-master.xml); the spring.liquibase.* settings apply as usual. It runs
 * as the schema's owner ({@link DatabaseAccounts}), which then grants the application's account only what it needs.
 */
@Configuration
@EnableConfigurationProperties({LiquibaseProperties.class, DatabaseAccounts.class})
class SchemaConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaConfiguration.class);

  @Bean(name = EngineStartsAfterLiquibase.LIQUIBASE_BEAN)
  SpringLiquibase liquibase(DataSource dataSource, DataSourceProperties application, LiquibaseProperties properties,
      DatabaseAccounts accounts) {
    ClusterSafeLiquibase liquibase = new ClusterSafeLiquibase();
    if (accounts.ownerSeparateFrom(application.getUsername())) {
      liquibase.setDataSource(DataSourceBuilder.create().type(SimpleDriverDataSource.class)
          .driverClassName(application.determineDriverClassName()).url(application.determineUrl())
          .username(accounts.owner().username()).password(accounts.owner().password()).build());
      liquibase.setGrants(new DatabaseGrants(application.getUsername(), accounts.retention().username()));
    } else {
      liquibase.setDataSource(dataSource);
      LOG.warn("The application's database account owns the schema, so it could switch off the disclosure ledger's"
          + " protection: set PATHWAYS_DB_OWNER_USER and PATHWAYS_RETENTION_DB_USER (docs/data-protection.md)");
    }
    liquibase.setChangeLog(properties.getChangeLog());
    liquibase.setShouldRun(properties.isEnabled());
    if (properties.getContexts() != null) {
      liquibase.setContexts(String.join(",", properties.getContexts()));
    }
    if (properties.getParameters() != null) {
      liquibase.setChangeLogParameters(properties.getParameters());
    }
    return liquibase;
  }
}
