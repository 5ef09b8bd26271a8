package org.partnershippathways.deployment;

import java.util.List;
import java.util.Map;
import org.partnershippathways.platform.ForbiddenException;
import org.partnershippathways.platform.InvalidRequestException;
import org.partnershippathways.security.CurrentUser;
import org.partnershippathways.security.PathwayGroups;
import org.springframework.stereotype.Component;

/**
 * What a process owner asks about a changed model before deploying it, with the same rules whether it comes through
 * {@code /api/process-models/...} or the Cockpit page "Pathway changes": process owners and managers only (403),
 * each parameter checked (400 naming it), the engine's history read as the system.
 */
@Component
record ProcessChangeRequests(DecisionImpact impact, TaskLoadForecast forecast, CurrentUser currentUser) {

  static final String ONLY_OWNERS_AND_MANAGERS = "Only process owners and managers may preview a changed model";
  private static final int USUAL_DECISIONS = 50;

  private static final int USUAL_WEEKS = 8;

  TaskLoadForecast.Forecast taskLoadForecast(String processModel, Map<String, String> forms, String weeks) {
    checkAccess();
    int howMany = wholeNumber("weeks", weeks, USUAL_WEEKS, TaskLoadForecast.MOST_WEEKS,
        "How many weeks of history to take must be a whole number from 1 to " + TaskLoadForecast.MOST_WEEKS);
    Map<String, String> given = forms == null ? Map.of() : forms;
    given.forEach((name, content) -> {
      if (name == null || !name.endsWith(".form") || content == null || content.isBlank()) {
        throw new InvalidRequestException("forms", "Give each new form as its file name (ending in .form) and"
            + " its content: '" + name + "' is not");
      }
    });
    return currentUser.asSystem(() -> forecast.forecast(processModel, given, howMany));
  }

  DecisionImpact.Preview decisionImpact(String decisionTable, String decisions) {
    checkAccess();
    int howMany = wholeNumber("decisions", decisions, USUAL_DECISIONS, DecisionImpact.MOST_DECISIONS,
        "How many recorded decisions to compare must be a whole number from 1 to " + DecisionImpact.MOST_DECISIONS);
    // a process owner compares every partnership's decisions (by case reference only); a manager their own's
    List<String> partnerships = currentUser.isMemberOf(PathwayGroups.PROCESS_OWNERS) ? null
        : currentUser.partnerships();
    return currentUser.asSystem(() -> impact.preview(decisionTable, howMany, partnerships));
  }

  void checkAccess() {
    if (!currentUser.isMemberOf(PathwayGroups.PROCESS_OWNERS) && !currentUser.isMemberOf(PathwayGroups.MANAGERS)) {
      throw new ForbiddenException(ONLY_OWNERS_AND_MANAGERS);
    }
  }

  private static int wholeNumber(String field, String text, int usual, int most, String sentence) {
    if (text == null || text.isBlank()) {
      return usual;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= 1 && value <= most) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // answered below
    }
    throw new InvalidRequestException(field, sentence);
  }
}
