package org.partnershippathways.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Where working days are counted ({@code zone}), the bank holidays shipped as data ({@code holidays}) and any
 * extra days off the partnership observes ({@code extra-holidays}, for example a one-off bank holiday).
 */
@ConfigurationProperties("pathways.calendar")
public record CalendarProperties(ZoneId zone, Resource holidays, List<LocalDate> extraHolidays) {

  public CalendarProperties {
    extraHolidays = extraHolidays == null ? List.of() : List.copyOf(extraHolidays);
  }
}
