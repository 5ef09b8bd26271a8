package org.partnershippathways.platform;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Says in plain words which field of a JSON body is wrong and how, from what Jackson refused: never a Java type,
 * never the value sent.
 */
final class UnreadableJson {

  static final String BODY = "body";

  private UnreadableJson() {
  }

  static FieldProblem problemOf(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    for (Throwable inner = cause; inner != null; inner = inner.getCause()) {
      if (inner instanceof JsonEOFException) {
        return new FieldProblem(BODY, "ends before the JSON is complete");
      }
      if (inner instanceof StreamReadException syntax) {
        return syntax(syntax);
      }
    }
    if (cause instanceof MismatchedInputException mismatch) {
      return mismatched(mismatch);
    }
    if (cause instanceof JsonMappingException mapping) {
      return new FieldProblem(fieldOf(mapping), "is not valid");
    }
    if (cause == null && e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
      return new FieldProblem(BODY, "is required: send the request as a JSON object");
    }
    return new FieldProblem(BODY, "could not be read as JSON");
  }

  private static FieldProblem syntax(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (message.startsWith("Duplicate field") && e.getProcessor() instanceof JsonParser parser) {
      return new FieldProblem(pathOf(parser.getParsingContext()), "is given more than once");
    }
    JsonLocation at = e.getLocation();
    String where = at == null || at.getLineNr() < 1 ? ""
        : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    return new FieldProblem(BODY, "is not valid JSON" + where);
  }

  private static FieldProblem mismatched(MismatchedInputException e) {
    String field = fieldOf(e);
    if (e instanceof UnrecognizedPropertyException) {
      return new FieldProblem(field, "is not a field of this request");
    }
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (message.startsWith("Trailing token")) {
      return new FieldProblem(BODY, "must be one JSON value with nothing after it");
    }
    if (message.startsWith("Unexpected end-of-input") || message.startsWith("No content to map")) {
      return new FieldProblem(BODY, "ends before the JSON is complete");
    }
    return new FieldProblem(field, expected(e.getTargetType()));
  }

  /** What a value of the target type looks like, in words. */
  static String expected(Class<?> type) {
    if (type == null) {
      return "has the wrong type";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (type == String.class || type == Character.class || type == char.class) {
      return "must be text in quotes";
    }
    if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
      return "must be a number";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "must be a list in square brackets";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "must be a date like 2026-04-23";
    }
    if (type.isEnum()) {
      return "is not one of the values allowed here";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
      return "must be an object in curly brackets";
    }
    return "has the wrong type";
  }

  private static String fieldOf(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference step : e.getPath()) {
      if (step.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
      } else if (step.getIndex() >= 0) {
        path.append('[').append(step.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? BODY : path.toString();
  }

  private static String pathOf(JsonStreamContext context) {
    Deque<String> steps = new ArrayDeque<>();
    for (JsonStreamContext step = context; step != null && !step.inRoot(); step = step.getParent()) {
      if (step.inObject() && step.getCurrentName() != null) {
        steps.push(step.getCurrentName());
      } else if (step.inArray()) {
        steps.push("[" + Math.max(step.getCurrentIndex(), 0) + "]");
      }
    }
    StringBuilder path = new StringBuilder();
    for (String step : steps) {
      path.append(path.isEmpty() || step.startsWith("[") ? "" : ".").append(step);
    }
    return path.isEmpty() ? BODY : path.toString();
  }
}
