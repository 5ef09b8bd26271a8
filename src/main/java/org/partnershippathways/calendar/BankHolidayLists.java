package org.partnershippathways.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.partnershippathways.platform.FieldProblem;
import org.partnershippathways.platform.InvalidRequestException;
import org.partnershippathways.platform.TextRules;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bank holidays loaded without a release: an administrator posts the published England and Wales list (the JSON of
 * https://www.gov.uk/bank-holidays.json, {@code {"england-and-wales": {"division": ..., "events": [{"title",
 * "date", "notes", "bunting"}]}, ...}}); the days are kept in {@code bank_holiday} and added to the working-day
 * calendar of this node at once and of every other node within 10 minutes (and at every start).
 */
@Service
class BankHolidayLists {

  static final String DIVISION = "england-and-wales";
  /** Days further than this from today are refused: a mistyped year would move every due date. */
  static final int YEARS_EITHER_SIDE = 10;

  record Loaded(int days, int added, LocalDate lastHoliday) {
  }

  record Event(LocalDate day, String title) {
  }

  private final JdbcClient jdbc;
  private final WorkingDayCalendar calendar;

  BankHolidayLists(JdbcClient jdbc, WorkingDayCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  @Transactional
  Loaded load(JsonNode list, String loadedBy, LocalDate today, Instant now) {
    List<Event> events = read(list, today);
    for (Event event : events) {
      int updated = jdbc.sql("update bank_holiday set title = :title where holiday = :day")
          .param("title", event.title()).param("day", event.day()).update();
      if (updated == 0) {
        jdbc.sql("insert into bank_holiday (holiday, title, loaded_by, loaded_at) values (:day, :title, :by, :at)")
            .param("day", event.day()).param("title", event.title()).param("by", loadedBy)
            .param("at", Timestamp.from(now)).update();
      }
    }
    int added = calendar.addHolidays(events.stream().map(Event::day).toList());
    return new Loaded(events.size(), added, calendar.lastHoliday().orElse(null));
  }

  @EventListener(ApplicationReadyEvent.class)
  @Scheduled(fixedDelayString = "10m", initialDelayString = "10m")
  void refresh() {
    calendar.addHolidays(jdbc.sql("select holiday from bank_holiday").query(LocalDate.class).list());
  }

  static List<Event> read(JsonNode list, LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    JsonNode events = list == null ? null : list.path(DIVISION).path("events");
    if (events == null || !events.isArray() || events.isEmpty()) {
      throw new InvalidRequestException(DIVISION + ".events", "is required: the published list of England and"
          + " Wales bank holidays, as https://www.gov.uk/bank-holidays.json gives it");
    }
    List<Event> read = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      String field = DIVISION + ".events[" + i + "]";
      JsonNode event = events.get(i);
      String title = event.path("title").isTextual() ? event.path("title").asText().strip() : "";
      if (title.isEmpty() || title.length() > 200) {
        problems.add(new FieldProblem(field + ".title", "is required (up to 200 characters), e.g. Boxing Day"));
      } else {
        TextRules.problemOfLine(title).ifPresent(problem -> problems.add(new FieldProblem(field + ".title",
            problem)));
      }
      LocalDate day = null;
      try {
        day = event.path("date").isTextual() ? LocalDate.parse(event.path("date").asText()) : null;
      } catch (DateTimeParseException e) {
        day = null;
      }
      if (day == null) {
        problems.add(new FieldProblem(field + ".date", "is required as a date (YYYY-MM-DD)"));
      } else if (day.isBefore(today.minusYears(YEARS_EITHER_SIDE)) || day.isAfter(today.plusYears(YEARS_EITHER_SIDE))) {
        problems.add(new FieldProblem(field + ".date", "is more than " + YEARS_EITHER_SIDE + " years from today"));
      }
      if (problems.isEmpty()) {
        read.add(new Event(day, title));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems.size() > 20 ? problems.subList(0, 20) : problems);
    }
    return read;
  }
}
