package org.partnershippathways.triage;

import java.util.Map;

/** The triage's codes as a coordinator reads them: "Green", "Standard", "within 10 working days". */
public final class TriageWords {

  private static final Map<String, String> RISK_RATINGS = Map.of("RED", "Red", "AMBER", "Amber", "GREEN", "Green");
  private static final Map<String, String> URGENCIES =
      Map.of("IMMEDIATE", "Immediate", "HIGH", "High", "STANDARD", "Standard");

  private TriageWords() {
  }

  public static String riskRating(String code) {
    return code == null ? null : RISK_RATINGS.getOrDefault(code, code);
  }

  public static String urgency(String code) {
    return code == null ? null : URGENCIES.getOrDefault(code, code);
  }

  /** {@code P10D} as "within 10 working days", {@code P1W} as "within 5 working days". */
  public static String meetingWithin(String timescale) {
    if (!WorkingDayDuration.isValid(timescale)) {
      return timescale;
    }
    int days = WorkingDayDuration.workingDays(timescale);
    return "within " + days + (days == 1 ? " working day" : " working days");
  }
}
