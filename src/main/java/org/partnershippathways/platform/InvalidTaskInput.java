package org.partnershippathways.platform;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * What a user entered in a task or start form is wrong. Thrown by the form's listener or by the step right after
 * it, so the completion is rolled back and the task stays open for correction. The engine's REST API (which
 * Tasklist calls) answers it with 400 and this message; Camunda has no public type for that, hence the
 * {@code impl} superclass.
 */
public class InvalidTaskInput extends FormFieldValidationException {

  /** How every refusal of a form begins. */
  public static final String PREFIX = "Please correct the form: ";

  private final transient List<FieldProblem> problems;

  public InvalidTaskInput(List<FieldProblem> problems) {
    super(List.copyOf(problems), PREFIX + problems.stream()
        .map(problem -> inWords(problem.field()) + " " + problem.message()).collect(Collectors.joining("; "))
        + ".");
    this.problems = List.copyOf(problems);
  }

  /** One field's problem; {@code sentence} tells the user what to do. */
  public static InvalidTaskInput of(String field, String sentence) {
    return new InvalidTaskInput(List.of(new FieldProblem(field, sentence)));
  }

  /**
   * {@code overrideReason} as "override reason", {@code person.dateOfBirth} as "person date of birth"; a form's
   * label ("NHS number", with a space) as it is.
   */
  static String inWords(String field) {
    if (field.contains(" ")) {
      return field;
    }
    return field.replaceAll("(?<=[a-z])(?=[A-Z0-9])|(?<=[0-9])(?=[A-Z])", " ").replace('.', ' ')
        .toLowerCase(java.util.Locale.UK);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
