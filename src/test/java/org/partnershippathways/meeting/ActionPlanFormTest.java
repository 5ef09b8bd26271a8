package org.partnershippathways.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnershippathways.actions.NewAction;
import org.partnershippathways.platform.FieldProblem;

class ActionPlanFormTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Test
  void readsTheFilledRowsAndSkipsEmptyOnes() {
    Map<String, Object> form = new HashMap<>(Map.of("decisions", "Joint plan",
        "action1Description", "Home visit", "action1Agency", "police", "action1DueDate", "2026-12-10",
        "action1Priority", "HIGH",
        "action3Description", "GP review", "action3Agency", "health", "action3DueDate", "2026-12-01",
        "action3Priority", "LOW", "action2Description", ""));

    ActionPlanForm plan = ActionPlanForm.read(form, TODAY, LONDON);

    assertThat(plan.problems()).isEmpty();
    assertThat(plan.actions()).containsExactly(
        new NewAction("Home visit", "police", LocalDate.of(2026, 12, 10), "HIGH"),
        new NewAction("GP review", "health", TODAY, "LOW"));
  }

  @Test
  void namesEveryWrongFieldOfAnIncompleteRow() {
    Map<String, Object> form = Map.of("decisions", "Plan", "action2Description", "Visit",
        "action2Agency", "fire-service", "action2DueDate", "2026-11-30", "action4DueDate", "next week");

    ActionPlanForm plan = ActionPlanForm.read(form, TODAY, LONDON);

    assertThat(plan.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder(
        "action2Agency", "action2DueDate", "action2Priority",
        "action4DueDate", "action4Description", "action4Agency", "action4Priority");
    assertThat(plan.problems()).contains(new FieldProblem("action2DueDate", "is in the past"),
        new FieldProblem("action4DueDate", "is not a date"));
  }

  @Test
  void needsDecisionsAndEitherAnActionOrNoActionsNeeded() {
    assertThat(ActionPlanForm.read(Map.of(), TODAY, LONDON).problems()).extracting(FieldProblem::field)
        .containsExactlyInAnyOrder("decisions", "action1Description");
    ActionPlanForm none = ActionPlanForm.read(Map.of("decisions", "Monitor only", "noActionsNeeded", true), TODAY,
        LONDON);
    assertThat(none.problems()).isEmpty();
    assertThat(none.actions()).isEmpty();
    assertThat(ActionPlanForm.read(Map.of("decisions", "x", "noActionsNeeded", true, "action1Description", "Visit",
        "action1Agency", "police", "action1DueDate", "2026-12-02", "action1Priority", "LOW"), TODAY, LONDON)
        .problems()).extracting(FieldProblem::field).containsExactly("noActionsNeeded");
  }
}
