package org.partnershippathways.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkingDayDurationTest {

  @Test
  void countsDaysAndFiveDayWeeks() {
    assertThat(WorkingDayDuration.workingDays("P1D")).isEqualTo(1);
    assertThat(WorkingDayDuration.workingDays("P10D")).isEqualTo(10);
    assertThat(WorkingDayDuration.workingDays("P2W")).isEqualTo(10);
    assertThat(WorkingDayDuration.isValid("PT1H")).isFalse();
    assertThatThrownBy(() -> WorkingDayDuration.workingDays("P1M")).isInstanceOf(IllegalArgumentException.class);
  }
}
