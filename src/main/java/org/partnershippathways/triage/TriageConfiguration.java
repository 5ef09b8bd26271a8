package org.partnershippathways.triage;

import javax.sql.DataSource;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.cases.Cases;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class TriageConfiguration {

  @Bean
  TriageTable triageTable(DataSource dataSource) {
    return new TriageTable(dataSource);
  }

  @Bean
  ConfirmTriageListener confirmTriage(TriageTable triage, Cases cases, WorkingDayCalendar calendar) {
    return new ConfirmTriageListener(triage, cases, calendar);
  }

  @Bean
  StatutoryReferralCheck statutoryReferralCheck() {
    return new StatutoryReferralCheck();
  }

  @Bean
  RecordVitalInterestsDelegate recordVitalInterests(VitalInterestsBasis basis) {
    return new RecordVitalInterestsDelegate(basis);
  }
}
