package org.partnershippathways.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.partnershippathways.testsupport.PathwaysIntegrationTest;
import org.partnershippathways.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An administrator loads a new year's list in the published England and Wales format, without a release: the days
 * are kept and the working-day calendar skips them at once.
 */
@PathwaysIntegrationTest
class BankHolidaysIT {

  /** A Wednesday far enough ahead that no other test counts working days across it. */
  static final LocalDate EXTRA = LocalDate.of(2035, 6, 13);

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired WorkingDayCalendar calendar;
  @Autowired JdbcClient jdbc;

  private final String password = UUID.randomUUID().toString();

  private TestRestTemplate as(String group) {
    String userId = group + "." + UUID.randomUUID().toString().substring(0, 8);
    TestUsers.create(identity, userId, password, group);
    return rest.withBasicAuth(userId, password);
  }

  @Test
  void anAdministratorLoadsThePublishedListAndTheCalendarSkipsItsDays() {
    Map<String, Object> published = Map.of("england-and-wales", Map.of("division", "england-and-wales",
        "events", java.util.List.of(Map.of("title", "Extra bank holiday", "date", EXTRA.toString(), "notes", "",
            "bunting", true))),
        "scotland", Map.of("division", "scotland", "events", java.util.List.of()));

    assertThat(as("coordinators").postForEntity("/api/calendar/bank-holidays", published, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> wrong = as("camunda-admin").postForEntity("/api/calendar/bank-holidays",
        Map.of("england-and-wales", Map.of("events", java.util.List.of(Map.of("title", "No date")))), String.class);
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wrong.getBody()).contains("england-and-wales.events[0].date");

    ResponseEntity<Map> loaded = as("camunda-admin").postForEntity("/api/calendar/bank-holidays", published,
        Map.class);

    assertThat(loaded.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(loaded.getBody()).containsEntry("days", 1).containsEntry("lastBankHoliday", "13/06/2035");
    assertThat(jdbc.sql("select title from bank_holiday where holiday = :day").param("day", EXTRA)
        .query(String.class).single()).isEqualTo("Extra bank holiday");
    assertThat(calendar.isWorkingDay(EXTRA)).isFalse();
    assertThat(calendar.isWorkingDay(EXTRA.plusDays(1))).isTrue();
  }
}
