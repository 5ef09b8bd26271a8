package org.partnershippathways.platform;

import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.boot.autoconfigure.liquibase.LiquibaseProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Liquibase owns the whole schema (db/changelog-master.xml); the spring.liquibase.* settings apply as usual. */
@Configuration
@EnableConfigurationProperties(LiquibaseProperties.class)
class SchemaConfiguration {

  @Bean(name = EngineStartsAfterLiquibase.LIQUIBASE_BEAN)
  SpringLiquibase liquibase(DataSource dataSource, LiquibaseProperties properties) {
    SpringLiquibase liquibase = new ClusterSafeLiquibase();
    liquibase.setDataSource(dataSource);
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
