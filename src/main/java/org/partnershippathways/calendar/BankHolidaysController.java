package org.partnershippathways.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.partnershippathways.platform.ForbiddenException;
import org.partnershippathways.security.CurrentUser;
import org.partnershippathways.security.PathwayGroups;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The administrator loads a new year's bank holidays (the published England and Wales JSON) without a release. */
@RestController
record BankHolidaysController(BankHolidayLists lists, WorkingDayCalendar calendar, CurrentUser currentUser) {

  @PostMapping("/api/calendar/bank-holidays")
  Map<String, Object> load(@RequestBody(required = false) JsonNode list) {
    if (!currentUser.isMemberOf(PathwayGroups.ADMINISTRATORS)) {
      throw new ForbiddenException("Only administrators may load bank holidays");
    }
    Instant now = Instant.now();
    BankHolidayLists.Loaded loaded = lists.load(list, currentUser.requireUserId(),
        LocalDate.ofInstant(now, calendar.zone()), now);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("days", loaded.days());
    answer.put("added", loaded.added());
    answer.put("lastBankHoliday", UkDates.day(loaded.lastHoliday()));
    return answer;
  }
}
