package org.partnershippathways.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a wrong setting into Spring Boot's short "APPLICATION FAILED TO START" report instead of a stack trace. */
class StartupSettingFailureAnalyzer extends AbstractFailureAnalyzer<StartupSettingException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StartupSettingException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
