package org.partnershippathways.platform;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The person's details that forms hand to the engine (the Tasklist start form of a concern, the record of a
 * withdrawal of consent) live in our tables only: each capability's delegate moves them there and removes the
 * variables, and this keeps them out of the engine's history, whose variable and form-field events for the fields
 * every {@link PersonalFormFields} names are not written. Every other history event is written as the engine's own
 * handler writes it. (Camunda has no public API for a history event handler: this is its documented plugin way.)
 */
@Component
class PersonalFieldsOutOfHistory extends AbstractProcessEnginePlugin {

  private final Map<String, Set<String>> personalFieldsByProcess;

  PersonalFieldsOutOfHistory(List<PersonalFormFields> personalFields) {
    this.personalFieldsByProcess = personalFields.stream().collect(Collectors.toUnmodifiableMap(
        PersonalFormFields::processKey, PersonalFormFields::names));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.getCustomHistoryEventHandlers()
        .add(new WithoutPersonalFields(new DbHistoryEventHandler(), personalFieldsByProcess));
  }

  /** The engine's database handler, less the history of the personal fields. */
  static final class WithoutPersonalFields implements HistoryEventHandler {

    private final HistoryEventHandler database;
    private final Map<String, Set<String>> personalFieldsByProcess;

    WithoutPersonalFields(HistoryEventHandler database, Map<String, Set<String>> personalFieldsByProcess) {
      this.database = database;
      this.personalFieldsByProcess = personalFieldsByProcess;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!isPersonalField(event)) {
        database.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }

    boolean isPersonalField(HistoryEvent event) {
      String processKey = event.getProcessDefinitionKey(); // none for some events, e.g. history clean-up jobs
      Set<String> personal = processKey == null ? null : personalFieldsByProcess.get(processKey);
      if (personal == null) {
        return false;
      }
      if (event instanceof HistoricVariableUpdateEventEntity variable) {
        return personal.contains(variable.getVariableName());
      }
      return event instanceof HistoricFormPropertyEventEntity field && personal.contains(field.getPropertyId());
    }
  }
}
