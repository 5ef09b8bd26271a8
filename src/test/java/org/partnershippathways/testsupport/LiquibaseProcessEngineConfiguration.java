package org.partnershippathways.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.partnershippathways.calendar.BankHolidays;
import org.partnershippathways.calendar.WorkingDayCalendar;
import org.partnershippathways.calendar.WorkingDayCalendarPlugin;
import org.partnershippathways.calendar.WorkingDays;
import org.springframework.core.io.ClassPathResource;

/**
 * The engine for process tests (camunda.cfg.xml): in-memory H2 whose schema Liquibase creates from our master
 * changelog, exactly as in production; the engine itself never creates tables. Records flow-node coverage and
 * uses the working-day calendar; expressions see Camunda's mocks ({@code Mocks.register}) and the bean
 * {@code workingDays}.
 */
public class LiquibaseProcessEngineConfiguration extends StandaloneInMemProcessEngineConfiguration {

  public LiquibaseProcessEngineConfiguration() {
    setJdbcUrl("jdbc:h2:mem:process-tests-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    setDatabaseSchemaUpdate(DB_SCHEMA_UPDATE_FALSE);
    setJobExecutorActivate(false);
    setHistory(HISTORY_FULL);
    setEnforceHistoryTimeToLive(true);
    setGeneralResourceWhitelistPattern("[a-zA-Z0-9]+([._-][a-zA-Z0-9]+)*");
    WorkingDayCalendar calendar = testCalendar();
    setExpressionManager(new ProcessTestExpressionManager(Map.of("workingDays", new WorkingDays(calendar))));
    getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    getProcessEnginePlugins().add(new WorkingDayCalendarPlugin(calendar));
    setTenantIdProvider(new EveryCaseInTheFirstPartnership());
    // which partnership sees what is the integration tests' concern (AuthorizationMatrixIT); here one partnership works
    setTenantCheckEnabled(false);
  }

  /** As in production, every instance belongs to a partnership: here the first, whose member starts it. */
  private static final class EveryCaseInTheFirstPartnership implements TenantIdProvider {

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
      return context.getSuperExecution() == null ? TestPartnerships.FIRST
          : context.getSuperExecution().getTenantId();
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
      return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
      return context.getExecution() == null ? null : context.getExecution().getTenantId();
    }
  }

  /** The calendar of the shipped bank holidays, as the application builds it. */
  public static WorkingDayCalendar testCalendar() {
    return new WorkingDayCalendar(BankHolidays.read(new ClassPathResource(BankHolidays.SHIPPED), List.of()),
        ZoneId.of("Europe/London"));
  }

  @Override
  protected void init() {
    ProcessCoverageConfigurator.initializeProcessCoverageExtensions(this);
    super.init();
  }

  @Override
  protected void initDataSource() {
    super.initDataSource();
    try (Connection connection = getDataSource().getConnection()) {
      Database database = DatabaseFactory.getInstance()
          .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      Liquibase liquibase = new Liquibase("db/changelog-master.xml", new ClassLoaderResourceAccessor(), database);
      liquibase.setChangeLogParameter("firstPartnership", TestPartnerships.FIRST);
      liquibase.update("");
    } catch (SQLException | LiquibaseException e) {
      throw new IllegalStateException("Liquibase could not create the process-test schema", e);
    }
  }
}
