package org.partnershippathways.intake;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The person's details from the Tasklist start form live in our tables only. The engine receives them as start
 * variables; {@code ServiceTask_RegisterConcern} hands them to intake and removes them in the same transaction, and
 * this keeps them out of the engine's history: their variable and form-field history events are not written. Every
 * other history event is written as the engine's own handler writes it.
 */
@Component
class StartFormPrivacy extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.getCustomHistoryEventHandlers().add(new WithoutPersonalStartFields(new DbHistoryEventHandler()));
  }

  /** The engine's database handler, less the history of the start form's personal fields. */
  static final class WithoutPersonalStartFields implements HistoryEventHandler {

    private final HistoryEventHandler database;

    WithoutPersonalStartFields(HistoryEventHandler database) {
      this.database = database;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!isPersonalStartField(event)) {
        database.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }

    static boolean isPersonalStartField(HistoryEvent event) {
      if (!PathwayProcess.KEY.equals(event.getProcessDefinitionKey())) {
        return false;
      }
      if (event instanceof HistoricVariableUpdateEventEntity variable) {
        return StartForm.PERSONAL_FIELDS.contains(variable.getVariableName());
      }
      return event instanceof HistoricFormPropertyEventEntity field
          && StartForm.PERSONAL_FIELDS.contains(field.getPropertyId());
    }
  }
}
