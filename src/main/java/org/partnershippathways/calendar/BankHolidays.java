package org.partnershippathways.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.Resource;

/** Reads bank holidays from a CSV file with a header line and lines of {@code yyyy-mm-dd,name}. */
public final class BankHolidays {

  /** England and Wales bank holidays shipped with the application (classpath resource). */
  public static final String SHIPPED = "calendar/bank-holidays-england-and-wales.csv";

  private BankHolidays() {
  }

  public static Set<LocalDate> read(Resource csv, List<LocalDate> extra) {
    Set<LocalDate> holidays = new HashSet<>(extra);
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv.getInputStream(),
        StandardCharsets.UTF_8))) {
      reader.lines().skip(1).map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .forEach(line -> holidays.add(parse(line, csv)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read bank holidays from " + csv, e);
    }
    return holidays;
  }

  private static LocalDate parse(String line, Resource csv) {
    String date = line.split(",", 2)[0].strip();
    try {
      return LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Bad date '" + date + "' in " + csv + ": expected yyyy-mm-dd", e);
    }
  }
}
