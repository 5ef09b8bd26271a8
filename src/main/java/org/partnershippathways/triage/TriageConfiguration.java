package org.partnershippathways.triage;

import javax.sql.DataSource;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.intake.CaseTable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class TriageConfiguration {

  @Bean
  TriageTable triageTable(DataSource dataSource) {
    return new TriageTable(dataSource);
  }

  @Bean
  ConfirmTriageListener confirmTriage(TriageTable triage, CaseTable cases, WorkingDayCalendar calendar) {
    return new ConfirmTriageListener(triage, cases, calendar);
  }

  @Bean
  StatutoryReferralCheck statutoryReferralCheck() {
    return new StatutoryReferralCheck();
  }

  /** Fails the step (an incident to retry) while no consent capability provides the basis. */
  @Bean
  RecordVitalInterestsDelegate recordVitalInterests(ObjectProvider<VitalInterestsBasis> basis) {
    return new RecordVitalInterestsDelegate((caseId, decidedBy) -> basis.getObject()
        .recordVitalInterests(caseId, decidedBy));
  }
}
