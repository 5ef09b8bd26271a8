package org.partnershippathways.timings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.partnershippathways.platform.FieldProblem;
import org.partnershippathways.platform.InvalidRequestException;

class TimingsPeriodTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @Test
  void defaultsToTheLastTwelveWeeksUpToToday() {
    assertThat(TimingsPeriod.parse(null, "", TODAY, 12))
        .isEqualTo(new TimingsPeriod(LocalDate.of(2026, 9, 3), TODAY));
    assertThat(TimingsPeriod.parse(null, "2026-03-29", TODAY, 12).from()).isEqualTo(LocalDate.of(2026, 1, 5));
  }

  @Test
  void namesEveryBadDate() {
    InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
        () -> TimingsPeriod.parse("31/01/2026", "2026-02-30", TODAY, 12));
    assertThat(e.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder("from", "to");
  }

  @Test
  void refusesFromAfterToAndPeriodsLongerThanThreeYears() {
    assertThat(catchThrowableOfType(InvalidRequestException.class,
        () -> TimingsPeriod.parse("2026-03-02", "2026-03-01", TODAY, 12)).problems())
        .extracting(FieldProblem::field).containsExactly("from");
    assertThat(catchThrowableOfType(InvalidRequestException.class,
        () -> TimingsPeriod.parse("2020-01-01", "2026-01-01", TODAY, 12)).problems())
        .extracting(FieldProblem::field).containsExactly("to");
    assertThat(TimingsPeriod.parse("2026-03-01", "2026-03-01", TODAY, 12).from()).isEqualTo(LocalDate.of(2026, 3, 1));
  }
}
