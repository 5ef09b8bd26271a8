package org.partnershippathways;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnershippathways.partners.AuditedPartnerGateway;
import org.partnershippathways.partners.PartnerAdapter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The package rules of docs/architecture.md, checked on the production classes. */
class ArchitectureTest {

  static final String ROOT = "org.partnershippathways";
  static final String[] NOT_PRODUCTION = {ROOT + ".demo..", ROOT + ".sandbox.."};

  static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
  }

  @Test
  void capabilitiesDoNotDependOnEachOtherInACircle() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(production);
  }

  @Test
  void onlyTheGatewaySendsToAnAdapter() {
    DescribedPredicate<JavaMethodCall> sendToAnAdapter = DescribedPredicate.describe("a send to a partner adapter",
        call -> call.getName().equals("send") && call.getTargetOwner().isAssignableTo(PartnerAdapter.class));
    noClasses().that().doNotHaveFullyQualifiedName(AuditedPartnerGateway.class.getName())
        .should().callMethodWhere(sendToAnAdapter)
        .because("every disclosure goes through the gateway's permission check, minimum dataset and audit")
        .check(production);
  }

  @Test
  void productionCodeNeverReachesTheSandboxOrTheDemo() {
    noClasses().that().resideOutsideOfPackages(NOT_PRODUCTION)
        .should().dependOnClassesThat().resideInAnyPackage(NOT_PRODUCTION)
        .because("the partner sandbox and the demo run only in demo mode and in tests")
        .check(production);
  }

  @Test
  void theCaseTablesAreWrittenOnlyByTheCasesCapability() throws IOException {
    noClasses().that().resideOutsideOfPackage(ROOT + ".cases..")
        .should().dependOnClassesThat().haveSimpleName("CaseTable")
        .check(production);
    Pattern write = Pattern.compile("(?i)(insert\\s+into|update|delete\\s+from)\\s+pathway_(case|concern)\\b");
    Path sources = Path.of("src/main/java/org/partnershippathways");
    try (Stream<Path> files = Files.walk(sources)) {
      List<Path> writers = files.filter(file -> file.toString().endsWith(".java"))
          .filter(file -> !file.startsWith(sources.resolve("cases")))
          .filter(file -> write.matcher(read(file)).find())
          .toList();
      assertThat(writers).as("classes outside cases that write pathway_case or pathway_concern").isEmpty();
    }
  }

  /**
   * The case view reads what every capability recorded (its summary, chronology and search) and never changes it:
   * no statement of caseview writes a table, and it calls no engine service that changes a case.
   */
  @Test
  void theCaseViewOnlyReads() throws IOException {
    Pattern write = Pattern.compile("(?i)\\b(insert\\s+into|update\\s+\\w+\\s+set|delete\\s+from|merge\\s+into)\\b");
    Path sources = Path.of("src/main/java/org/partnershippathways/caseview");
    try (Stream<Path> files = Files.walk(sources)) {
      List<Path> writers = files.filter(file -> file.toString().endsWith(".java"))
          .filter(file -> write.matcher(read(file)).find())
          .toList();
      assertThat(writers).as("classes of caseview that write a table").isEmpty();
    }
    noClasses().that().resideInAPackage(ROOT + ".caseview..")
        .should().callMethodWhere(DescribedPredicate.describe("a change through the engine's services",
            call -> call.getTargetOwner().getPackageName().equals("org.camunda.bpm.engine")
                && call.getName().matches("(complete|submit|set|remove|delete|start|correlate|claim|save|create(?!.*Query)).*")))
        .because("the case view shows a case as its reader may see it and changes nothing")
        .check(production);
  }

  @Test
  void everyProductionSettingIsBound() {
    List<String> scanned = Arrays.asList(
        PartnershipPathwaysApplication.class.getAnnotation(ConfigurationPropertiesScan.class).basePackages());
    classes().that().areAnnotatedWith(ConfigurationProperties.class).and().resideOutsideOfPackages(NOT_PRODUCTION)
        .should(com.tngtech.archunit.lang.conditions.ArchConditions.resideInAnyPackage(
            scanned.stream().map(name -> name + "..").toArray(String[]::new)))
        .because("the application binds the settings of the packages it names (the sandbox's are not its own)")
        .check(production);
  }

  /**
   * Camunda's internal classes the application may use, each where 7.24 has no public API for what it does. A move
   * to a maintained fork touches these and nothing else; a new one is added here with its reason, or replaced.
   */
  private static final java.util.Map<String, String> CAMUNDA_INTERNALS_ALLOWED = java.util.Map.ofEntries(
      internal("engine.impl.cfg.AbstractProcessEnginePlugin", "the engine's plugin point"),
      internal("engine.impl.cfg.multitenancy.TenantIdProvider",
          "the engine's only way to give instances of shared models a tenant (a partnership)"),
      internal("engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext", "TenantIdProvider's argument"),
      internal("engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext", "TenantIdProvider's argument"),
      internal("engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext",
          "TenantIdProvider's argument"),
      internal("engine.impl.cfg.ProcessEngineConfigurationImpl", "what a plugin is handed to extend"),
      internal("engine.impl.util.ClockUtil", "the engine's clock, which process tests move"),
      internal("engine.impl.bpmn.parser.BpmnParseListener", "listeners added to every model at deployment"),
      internal("engine.impl.bpmn.parser.AbstractBpmnParseListener", "listeners added to every model at deployment"),
      internal("engine.impl.util.xml.Element", "a parse listener reads the element it is given"),
      internal("engine.impl.pvm.process.ScopeImpl", "a parse listener is handed the parsed scope"),
      internal("engine.impl.pvm.process.ActivityImpl", "a parse listener is handed the parsed activity"),
      internal("engine.impl.bpmn.behavior.UserTaskActivityBehavior", "a user task's listeners are added through it"),
      internal("engine.impl.task.TaskDefinition", "a user task's listeners are added through it"),
      internal("engine.impl.persistence.deploy.Deployer", "the deployment gate checks a deployment before it is stored"),
      internal("engine.impl.persistence.entity.DeploymentEntity", "what a deployer is handed"),
      internal("engine.impl.persistence.entity.ResourceEntity", "the deployment's files a deployer reads"),
      internal("engine.impl.form.entity.CamundaFormDefinitionManager", "the gate asks whether a form is deployed"),
      internal("engine.impl.interceptor.CommandExecutor", "the gate's look-ups run as an engine command"),
      internal("engine.impl.persistence.entity.ProcessDefinitionEntity", "a parse listener is handed the process"),
      internal("engine.impl.context.Context", "the command a delegate or deployer runs in"),
      internal("engine.impl.interceptor.CommandContext", "the job a partner request runs in (its retries)"),
      internal("engine.impl.persistence.entity.JobEntity", "the job a partner request runs in (its retries)"),
      internal("engine.impl.interceptor.Command", "a form refused by a task listener answers 400"),
      internal("engine.impl.interceptor.CommandInterceptor", "a form refused by a task listener answers 400"),
      internal("engine.impl.form.validator.FormFieldValidationException", "Tasklist shows its message by the field"),
      internal("engine.impl.identity.Authentication", "the return type of IdentityService.getCurrentAuthentication"),
      internal("engine.impl.history.handler.HistoryEventHandler", "personal form fields kept out of history"),
      internal("engine.impl.history.handler.DbHistoryEventHandler", "personal form fields kept out of history"),
      internal("engine.impl.history.event.HistoryEvent", "personal form fields kept out of history"),
      internal("engine.impl.history.event.HistoricVariableUpdateEventEntity", "personal form fields kept out of history"),
      internal("engine.impl.history.event.HistoricFormPropertyEventEntity", "personal form fields kept out of history"),
      internal("engine.impl.calendar.BusinessCalendar", "due dates and timers on the working-day calendar"),
      internal("engine.impl.calendar.MapBusinessCalendarManager", "due dates and timers on the working-day calendar"),
      internal("engine.impl.calendar.DueDateBusinessCalendar", "due dates and timers on the working-day calendar"),
      internal("engine.impl.calendar.DurationBusinessCalendar", "due dates and timers on the working-day calendar"),
      internal("engine.impl.calendar.CycleBusinessCalendar", "due dates and timers on the working-day calendar"),
      internal("engine.rest.security.auth.impl.HttpBasicAuthenticationProvider", "the engine REST API's sign-in"),
      internal("cockpit.plugin.spi.impl.AbstractCockpitPlugin", "the Cockpit plugin point"),
      internal("tasklist.plugin.spi.impl.AbstractTasklistPlugin", "the Tasklist plugin point"));

  private static java.util.Map.Entry<String, String> internal(String name, String reason) {
    return java.util.Map.entry("org.camunda.bpm." + name, reason);
  }

  @Test
  void camundaInternalsOnlyWhereNoPublicApiExists() {
    java.util.Set<String> used = new java.util.TreeSet<>();
    production.forEach(type -> type.getDirectDependenciesFromSelf().stream()
        .map(dependency -> dependency.getTargetClass().getBaseComponentType())
        .map(target -> target.isNestedClass() ? target.getEnclosingClass().orElseThrow() : target)
        .map(JavaClass::getName)
        .filter(name -> name.startsWith("org.camunda.") && name.contains(".impl."))
        .forEach(used::add));
    assertThat(used)
        .as("Camunda's impl classes are used only where 7.24 has no public API (CAMUNDA_INTERNALS_ALLOWED):"
            + " a move to a maintained fork must stay mechanical")
        .isSubsetOf(CAMUNDA_INTERNALS_ALLOWED.keySet());
    assertThat(CAMUNDA_INTERNALS_ALLOWED.keySet()).as("internals allowed that nothing uses any more")
        .isSubsetOf(used);
  }

  /** H2 creates its triggers from their class names (CREATE TRIGGER ... CALL 'class'). */
  private static final DescribedPredicate<JavaClass> H2_TRIGGERS = DescribedPredicate.describe("H2 triggers",
      type -> type.getRawInterfaces().stream().anyMatch(face -> face.getName().equals("org.h2.api.Trigger")));

  /** Classes of constants only: their readers hold copies of the values, not a reference to the class. */
  private static final DescribedPredicate<JavaClass> CONSTANT_HOLDERS = DescribedPredicate.describe(
      "classes of constants", type -> type.getMethods().isEmpty() && !type.getFields().isEmpty()
          && type.getFields().stream().allMatch(field -> field.getModifiers().containsAll(
              java.util.Set.of(JavaModifier.STATIC, JavaModifier.FINAL))));

  @Test
  void aPackageKeepsPublicOnlyWhatOtherPackagesUse() {
    JavaClasses withTests = new ClassFileImporter().importPackages(ROOT);
    ArchCondition<JavaClass> usedFromAnotherPackage = new ArchCondition<>("be used from another package") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        boolean used = type.getDirectDependenciesToSelf().stream().map(dependency -> dependency.getOriginClass())
            .map(origin -> origin.isNestedClass() ? origin.getEnclosingClass().orElseThrow() : origin)
            .anyMatch(origin -> !origin.getPackageName().equals(type.getPackageName()));
        if (!used) {
          events.add(SimpleConditionEvent.violated(type, type.getName() + " is public but no other package uses it"));
        }
      }
    };
    classes().that().arePublic().and().areTopLevelClasses()
        .and().areNotAnnotatedWith(ConfigurationProperties.class).and().areNotAnnotatedWith(AutoConfiguration.class)
        .and(DescribedPredicate.not(CONSTANT_HOLDERS))
        .and().resideOutsideOfPackages(ROOT + ".timings.cockpit..", ROOT + ".migration.cockpit..",
            ROOT + ".caseview.tasklist..")
        .and(DescribedPredicate.not(H2_TRIGGERS))
        .should(usedFromAnotherPackage)
        .because("Spring binds settings and loads auto-configurations, Cockpit and Tasklist load their plugins by name,"
            + " H2 its triggers, and the"
            + " compiler copies constants into their readers; everything else a package makes public is its API to"
            + " other packages")
        .check(withTests.that(DescribedPredicate.describe("production classes",
            type -> production.contain(type.getName()))));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
