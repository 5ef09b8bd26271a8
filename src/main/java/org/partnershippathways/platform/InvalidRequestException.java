package org.partnershippathways.platform;

import java.util.List;

/** The request is wrong; answered with 400 and one message per field. */
public class InvalidRequestException extends RuntimeException {

  private final List<FieldProblem> problems;

  public InvalidRequestException(List<FieldProblem> problems) {
    super(problems.size() + " field(s) invalid: " + problems);
    this.problems = List.copyOf(problems);
  }

  public InvalidRequestException(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
