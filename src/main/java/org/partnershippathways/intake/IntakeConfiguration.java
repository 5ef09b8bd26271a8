package org.partnershippathways.intake;

import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class IntakeConfiguration {

  @Bean
  CaseTable caseTable(DataSource dataSource) {
    return new CaseTable(dataSource);
  }

  @Bean
  CaseRecords caseRecords(CaseTable cases) {
    return new CaseRecords() {
      @Override
      public Optional<CaseSummary> summary(String caseId) {
        return cases.summary(caseId);
      }
    };
  }
}
