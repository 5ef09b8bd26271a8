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
import org.springframework.web.ErrorResponse;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our REST API as RFC 9457 problem details; 400s list the fields with {@code errors}. Never a
 * stack trace: unexpected failures are logged here and answered with a plain 500. Error answers are bounded: at
 * most {@link #MAX_PROBLEMS} fields, each named and described in a few words, whatever the size of the request.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);
  static final int MAX_PROBLEMS = 20;
  static final int MAX_FIELD = 100;
  static final int MAX_MESSAGE = 300;

  private final long maxBodySize;

  ApiProblems(ApiLimits limits) {
    this.maxBodySize = limits.maxBodySize().toBytes();
  }

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    return withFields(e.problems());
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, shortened(e.getMessage(), MAX_MESSAGE));
  }

  @ExceptionHandler(ForbiddenException.class)
  ProblemDetail forbidden(ForbiddenException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, shortened(e.getMessage(), MAX_MESSAGE));
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, shortened(e.getMessage(), MAX_MESSAGE));
  }

  /** Two requests changed the same case at once; the engine rolled this one back whole. */
  @ExceptionHandler(OptimisticLockingException.class)
  ProblemDetail concurrentChange(OptimisticLockingException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "The case changed at the same moment; nothing of this request was saved. Send it again.");
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    if (causedByTooLargeBody(e)) {
      return tooLarge(e);
    }
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
    if (causedByTooLargeBody(e)) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge(e));
    }
    return ResponseEntity.badRequest().body(withFields(List.of(UnreadableJson.problemOf(e))));
  }

  /** Spring MVC's own refusals (unknown address, method, content type, missing parameter) in our words. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    if (body == null && e instanceof ErrorResponse response) {
      body = response.getBody();
    }
    if (body instanceof ProblemDetail problem) {
      boolean namesAField = problem.getProperties() != null && problem.getProperties().containsKey("errors");
      if (status.value() == 400 && !namesAField) {
        return super.handleExceptionInternal(e, withFields(List.of(new FieldProblem(SpringRefusals.fieldOf(e),
            SpringRefusals.problemOf(e)))), headers, status, request);
      }
      if (status.value() != 400) {
        String method = request instanceof ServletWebRequest servlet ? servlet.getRequest().getMethod() : null;
        problem.setDetail(ProblemResponses.sentenceFor(status.value(), method));
      }
    }
    return super.handleExceptionInternal(e, body, headers, status, request);
  }

  private ProblemDetail tooLarge(Throwable e) {
    long limit = maxBodySize;
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodyTooLargeException tooLarge) {
        limit = tooLarge.limit();
      }
    }
    return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, BodySizeLimit.tooLarge(limit));
  }

  private static boolean causedByTooLargeBody(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodyTooLargeException) {
        return true;
      }
    }
    return false;
  }

  static ProblemDetail withFields(List<FieldProblem> problems) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The request has " + problems.size() + " invalid field(s).");
    problem.setTitle("Invalid request");
    problem.setProperty("errors", problems.stream().limit(MAX_PROBLEMS)
        .map(each -> new FieldProblem(shortened(each.field(), MAX_FIELD), shortened(each.message(), MAX_MESSAGE)))
        .toList());
    return problem;
  }

  /** A text cut to a bounded length, so no error answer repeats much of what was sent. */
  static String shortened(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
    return text.substring(0, end) + "\u2026";
  }
}
