package org.partnershippathways.platform;

import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our REST API as RFC 7807 problem details; 400s list the fields with {@code errors}. Never a
 * stack trace: unexpected failures are logged here and answered with a plain 500.
 */
@RestControllerAdvice(basePackages = "org.partnershippathways")
class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    return withFields(e.problems());
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(ForbiddenException.class)
  ProblemDetail forbidden(ForbiddenException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
  }

  /** Two requests changed the same case at once; the engine rolled this one back whole. */
  @ExceptionHandler(OptimisticLockingException.class)
  ProblemDetail concurrentChange(OptimisticLockingException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "The case changed at the same moment; nothing of this request was saved. Send it again.");
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    LOG.error("Unexpected failure of an API request", e);
    return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "The request could not be completed. Nothing was changed; try again or contact support.");
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
        .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
        .toList();
    return ResponseEntity.badRequest().body(withFields(problems));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.badRequest().body(withFields(List.of(new FieldProblem("body",
        "is not valid JSON for this request: " + readableReason(e)))));
  }

  static ProblemDetail withFields(List<FieldProblem> problems) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The request has " + problems.size() + " invalid field(s).");
    problem.setTitle("Invalid request");
    problem.setProperty("errors", problems);
    return problem;
  }

  private static String readableReason(HttpMessageNotReadableException e) {
    Throwable cause = e.getMostSpecificCause();
    String message = cause.getMessage() == null ? "unreadable" : cause.getMessage();
    int detailStart = message.indexOf(" at [Source");
    return (detailStart > 0 ? message.substring(0, detailStart) : message).lines().findFirst().orElse(message);
  }
}
