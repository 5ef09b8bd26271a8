package org.partnershippathways.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;

class ApiProblemsTest {

  final ApiProblems problems = new ApiProblems(new ApiLimits(DataSize.ofKilobytes(64), DataSize.ofMegabytes(1)));

  @Test
  void aConcurrentChangeOfTheSameCaseIsAConflictToSendAgainNotAServerError() {
    ProblemDetail problem = problems.concurrentChange(new OptimisticLockingException("ACT_RU_EXECUTION was updated"));

    assertThat(problem.getStatus()).isEqualTo(409);
    assertThat(problem.getDetail()).contains("Send it again").doesNotContain("ACT_RU_EXECUTION");
  }

  @Test
  void anUnexpectedFailureShowsNoInternals() {
    ProblemDetail problem = problems.unexpected(new IllegalStateException("secret internals"));

    assertThat(problem.getStatus()).isEqualTo(500);
    assertThat(problem.getDetail()).doesNotContain("secret internals");
  }

  @Test
  void invalidFieldsAreListedOneByOne() {
    ProblemDetail problem = ApiProblems.withFields(List.of(new FieldProblem("nhsNumber", "fails the check digit")));

    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getProperties()).containsKey("errors");
  }
}
