package org.partnershippathways.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates at start, if missing, the groups of every agency and role, the administrator, the engine
 * authorizations and the Tasklist filters; in demo mode also the demo users. Safe to run on every node
 * and every start.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1) // before the models deploy: the deployment gate checks their candidate groups
class IdentitySetup extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);
  private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private final SecurityProperties security;
  private final DemoProperties demo;
  private final List<PartnershipProperties.Partnership> partnerships;

  IdentitySetup(SecurityProperties security, DemoProperties demo, PartnershipProperties partnerships) {
    this.security = security;
    this.demo = demo;
    this.partnerships = partnerships.partnerships();
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    allGroups().forEach(group -> createGroup(identity, group));
    partnerships.forEach(partnership -> createPartnership(identity, partnership));
    new GroupAuthorizations(engine.getAuthorizationService()).grant();
    new TasklistFilters(engine.getFilterService(), engine.getTaskService()).create();

    String demoPassword = demo.enabled() ? passwordOrGenerated(demo.password()) : null;
    String adminPassword = blank(security.adminPassword()) ? demoPassword : security.adminPassword();
    if (blank(adminPassword)) {
      LOG.warn("No administrator password is set: no administrator account was created or changed");
    } else {
      saveUser(identity, security.adminUser(), "Pathways", "Administrator", null, adminPassword,
          List.of(PathwayGroups.ADMINISTRATORS), null);
    }
    if (demo.enabled()) {
      DemoUsers.ALL.stream().filter(user -> user.partnership() < partnerships.size())
          .forEach(user -> saveUser(identity, user.id(), user.firstName(), user.lastName(), user.email(),
              demoPassword, user.groups(), user.partnership() < 0 ? null : partnerships.get(user.partnership()).id()));
      LOG.warn("\n\n  Demo mode: users {} and '{}' sign in with the password: {}\n"
              + "  (set PATHWAYS_DEMO_PASSWORD to choose it; demo mode is for trying the product, not for real cases)\n",
          DemoUsers.ALL.stream().map(DemoUsers.DemoUser::id).toList(), security.adminUser(), demoPassword);
    }
  }

  record GroupSpec(String id, String name, String type) {
  }

  static List<GroupSpec> allGroups() {
    List<GroupSpec> groups = new ArrayList<>();
    groups.add(new GroupSpec(PathwayGroups.COORDINATORS, "Case coordinators", "WORKFLOW"));
    groups.add(new GroupSpec(PathwayGroups.MANAGERS, "Pathway managers (Caldicott guardians)", "WORKFLOW"));
    groups.add(new GroupSpec(PathwayGroups.OUT_OF_HOURS_DUTY, "Out-of-hours duty team", "WORKFLOW"));
    groups.add(new GroupSpec(PathwayGroups.PROCESS_OWNERS, "Process owners", "WORKFLOW"));
    groups.add(new GroupSpec(PathwayGroups.PARTNER_SYSTEMS, "Partner systems", "SYSTEM"));
    groups.add(new GroupSpec(PathwayGroups.MONITORING, "Monitoring (metrics only)", "SYSTEM"));
    groups.add(new GroupSpec(PathwayGroups.ADMINISTRATORS, "Administrators", "SYSTEM"));
    for (Agency agency : Agency.values()) {
      groups.add(new GroupSpec(agency.groupId(), agency.displayName(), "WORKFLOW"));
      groups.add(new GroupSpec(agency.managersGroupId(), agency.displayName() + " managers", "WORKFLOW"));
    }
    return groups;
  }

  private static void createGroup(IdentityService identity, GroupSpec spec) {
    if (identity.createGroupQuery().groupId(spec.id()).count() > 0) {
      return;
    }
    Group group = identity.newGroup(spec.id());
    group.setName(spec.name());
    group.setType(spec.type());
    try {
      identity.saveGroup(group);
    } catch (ProcessEngineException createdByAnotherNode) {
      LOG.debug("Group {} was created concurrently", spec.id(), createdByAnotherNode);
    }
  }

  /** A partnership is a Camunda tenant: its members see its cases, tasks and history, and no other's. */
  private static void createPartnership(IdentityService identity, PartnershipProperties.Partnership partnership) {
    if (identity.createTenantQuery().tenantId(partnership.id()).count() > 0) {
      return;
    }
    Tenant tenant = identity.newTenant(partnership.id());
    tenant.setName(partnership.name());
    try {
      identity.saveTenant(tenant);
    } catch (ProcessEngineException createdByAnotherNode) {
      LOG.debug("Partnership {} was created concurrently", partnership.id(), createdByAnotherNode);
    }
  }

  /**
   * @param email the user's address; null: none yet ({@code .invalid}, which no e-mail is sent to)
   * @param partnership the partnership the user works in; null: none (national roles)
   */
  private static void saveUser(IdentityService identity, String id, String firstName, String lastName, String email,
      String password, List<String> groups, String partnership) {
    User user = identity.createUserQuery().userId(id).singleResult();
    if (user == null) {
      user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(email != null ? email : id + "@pathways.invalid");
    } else if (email != null && (user.getEmail() == null || user.getEmail().endsWith(".invalid"))) {
      user.setEmail(email);
    }
    user.setPassword(password);
    identity.saveUser(user);
    for (String group : groups) {
      if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identity.createMembership(id, group);
      }
    }
    if (partnership != null && identity.createUserQuery().userId(id).memberOfTenant(partnership).count() == 0) {
      identity.createTenantUserMembership(partnership, id);
    }
  }

  private static String passwordOrGenerated(String configured) {
    if (!blank(configured)) {
      return configured;
    }
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
    }
    return password.toString();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
