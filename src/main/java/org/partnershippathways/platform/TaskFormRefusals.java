package org.partnershippathways.platform;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a task listener throws in its own exception ({@code ENGINE-03051 ... TaskListener}),
 * which its REST API answers with 500. A listener that refuses what the user entered throws
 * {@link InvalidTaskInput}; this interceptor, outside the command's transaction (already rolled back), hands that
 * refusal on unwrapped, so Tasklist and every other caller get a 400 with the sentence written for the user.
 */
@Component
class TaskFormRefusals extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new Unwrapping());
  }

  static final class Unwrapping extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
          if (cause instanceof InvalidTaskInput refusal) {
            throw refusal;
          }
        }
        throw failure;
      }
    }
  }
}
