package org.partnershippathways.platform;

import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Which part of a request Spring MVC refused with 400, and why, in words. */
final class SpringRefusals {

  private SpringRefusals() {
  }

  static String fieldOf(Exception e) {
    if (e instanceof MissingServletRequestParameterException missing) {
      return missing.getParameterName();
    }
    if (e instanceof MissingRequestHeaderException missing) {
      return missing.getHeaderName();
    }
    if (e instanceof MissingPathVariableException missing) {
      return missing.getVariableName();
    }
    if (e instanceof MissingServletRequestPartException missing) {
      return missing.getRequestPartName();
    }
    if (e instanceof TypeMismatchException mismatch && mismatch.getPropertyName() != null) {
      return mismatch.getPropertyName();
    }
    return "request";
  }

  static String problemOf(Exception e) {
    if (e instanceof MissingServletRequestParameterException || e instanceof MissingRequestHeaderException
        || e instanceof MissingPathVariableException || e instanceof MissingServletRequestPartException) {
      return "is required";
    }
    if (e instanceof TypeMismatchException mismatch) {
      return UnreadableJson.expected(mismatch.getRequiredType());
    }
    return "could not be read";
  }
}
