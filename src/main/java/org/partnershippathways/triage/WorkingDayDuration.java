package org.partnershippathways.triage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A timescale such as {@code P1D} or {@code P2W}, counted in working days (a week is five). */
final class WorkingDayDuration {

  private static final Pattern DAYS_OR_WEEKS = Pattern.compile("^P(\\d{1,3})([DW])$");

  private WorkingDayDuration() {
  }

  public static boolean isValid(String timescale) {
    return timescale != null && DAYS_OR_WEEKS.matcher(timescale).matches();
  }

  public static int workingDays(String timescale) {
    Matcher matcher = DAYS_OR_WEEKS.matcher(timescale == null ? "" : timescale);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("Not a timescale in working days or weeks (P5D, P2W): " + timescale);
    }
    int number = Integer.parseInt(matcher.group(1));
    return "W".equals(matcher.group(2)) ? number * 5 : number;
  }
}
