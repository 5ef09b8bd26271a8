package org.partnershippathways.timings;

import java.time.LocalDate;
import org.partnershippathways.calendar.UkDates;
import org.partnershippathways.security.Agency;

/** The report's keys as a manager reads them: stages and agencies in words, UK days. */
final class TimingsWords {


  private TimingsWords() {
  }

  /** "information sharing" becomes "Information sharing". */
  static String stage(String stage) {
    return stage == null || stage.isEmpty() ? stage : Character.toUpperCase(stage.charAt(0)) + stage.substring(1);
  }

  /** An agency's group id in words ("social-care" becomes "Social care"); an unknown one as it is. */
  static String agency(String groupId) {
    return Agency.nameOf(groupId);
  }

  static String weekCommencing(LocalDate monday) {
    return monday == null ? null : "w/c " + UkDates.day(monday);
  }

  static String day(LocalDate day) {
    return UkDates.day(day);
  }
}
