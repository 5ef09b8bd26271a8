package org.partnershippathways.actions;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.partnershippathways.platform.FieldProblem;

/**
 * What a user entered in a task form is wrong. Thrown by the service task right after the user task, so the
 * completion is rolled back and Tasklist shows this message; the task stays open for correction.
 */
public class InvalidTaskInput extends ProcessEngineException {

  private final List<FieldProblem> problems;

  public InvalidTaskInput(List<FieldProblem> problems) {
    super("Please correct the form: " + problems.stream()
        .map(problem -> problem.field() + " " + problem.message()).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
