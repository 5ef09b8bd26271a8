package org.partnershippathways.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.partnershippathways.platform.InvalidRequestException;
import org.springframework.boot.actuate.health.Status;

/** A new year's list loads without a release; the health check warns before the calendar runs out. */
class BankHolidaysTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

  private static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), LONDON);
  }

  @Test
  void theHealthCheckWarnsWhenLessThanTwelveMonthsOfBankHolidaysAreLeft() {
    WorkingDayCalendar calendar = new WorkingDayCalendar(Set.of(LocalDate.of(2028, 12, 26)), LONDON);

    assertThat(new BankHolidaysHealth(calendar, at("2026-12-04T10:00:00Z")).health().getStatus())
        .isEqualTo(Status.UP);
    assertThat(new BankHolidaysHealth(calendar, at("2027-12-27T10:00:00Z")).health().getStatus())
        .isEqualTo(BankHolidaysHealth.WARNING);
    assertThat(new BankHolidaysHealth(calendar, at("2027-12-27T10:00:00Z")).health().getDetails())
        .containsEntry("lastBankHoliday", "2028-12-26");

    calendar.addHolidays(List.of(LocalDate.of(2029, 12, 25), LocalDate.of(2029, 12, 26)));
    assertThat(new BankHolidaysHealth(calendar, at("2027-12-27T10:00:00Z")).health().getStatus())
        .isEqualTo(Status.UP);
    assertThat(calendar.isWorkingDay(LocalDate.of(2029, 12, 26))).isFalse();
  }

  @Test
  void thePublishedEnglandAndWalesListIsRead() throws Exception {
    String published = """
        {"england-and-wales": {"division": "england-and-wales", "events": [
          {"title": "New Year’s Day", "date": "2029-01-01", "notes": "", "bunting": true},
          {"title": "Good Friday", "date": "2029-03-30", "notes": "", "bunting": false}]},
         "scotland": {"division": "scotland", "events": [{"title": "2nd January", "date": "2029-01-02"}]}}
        """;

    assertThat(BankHolidayLists.read(new ObjectMapper().readTree(published), TODAY))
        .extracting(BankHolidayLists.Event::day)
        .containsExactly(LocalDate.of(2029, 1, 1), LocalDate.of(2029, 3, 30));
  }

  @Test
  void aWrongListNamesTheFields() throws Exception {
    ObjectMapper json = new ObjectMapper();
    assertThatThrownBy(() -> BankHolidayLists.read(json.readTree("{\"scotland\": {}}"), TODAY))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(e -> assertThat(((InvalidRequestException) e).problems().get(0).field())
            .isEqualTo("england-and-wales.events"));
    assertThatThrownBy(() -> BankHolidayLists.read(json.readTree("""
        {"england-and-wales": {"events": [{"title": "", "date": "2029-13-01"}, {"title": "Far", "date": "2099-01-01"}]}}
        """), TODAY))
        .satisfies(e -> assertThat(((InvalidRequestException) e).problems()).extracting(p -> p.field())
            .containsExactly("england-and-wales.events[0].title", "england-and-wales.events[0].date",
                "england-and-wales.events[1].date"));
  }
}
