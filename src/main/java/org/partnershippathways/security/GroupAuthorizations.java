package org.partnershippathways.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * What each group may do in the engine and its webapps. Tasks are granted per task by the engine itself:
 * a candidate group may work on the tasks it is a candidate for, nothing else. Case data lives in our own
 * tables and is filtered by agency in our API.
 */
record GroupAuthorizations(AuthorizationService authorizations) {

  static final String PATHWAY_PROCESS = "early-intervention-pathway";
  static final String CONSENT_WITHDRAWAL_PROCESS = "consent-withdrawal";

  private record Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
  }

  /** Sets every grant to exactly its permissions (a database of an earlier version may hold more). */
  void grant() {
    merged(grants()).forEach(this::grantExactly);
    withdrawn().forEach(this::withdraw);
  }

  static List<String> pathwayGroups() {
    List<String> groups = new ArrayList<>(List.of(PathwayGroups.COORDINATORS, PathwayGroups.MANAGERS,
        PathwayGroups.OUT_OF_HOURS_DUTY));
    for (Agency agency : Agency.values()) {
      groups.add(agency.groupId());
      groups.add(agency.managersGroupId());
    }
    return groups;
  }

  private static List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    for (String group : pathwayGroups()) {
      grants.add(new Grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
      grants.add(new Grant(group, Resources.FILTER, "*", Permissions.READ));
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ));
    }

    // Concerns are raised by coordinators and by referrers of every agency.
    List<String> referrers = new ArrayList<>(List.of(PathwayGroups.COORDINATORS));
    for (Agency agency : Agency.values()) {
      referrers.add(agency.groupId());
    }
    for (String group : referrers) {
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, PATHWAY_PROCESS, Permissions.CREATE_INSTANCE));
      grants.add(new Grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE));
    }

    // Coordinators and managers record a person's withdrawal of consent with its Tasklist start form.
    for (String group : List.of(PathwayGroups.COORDINATORS, PathwayGroups.MANAGERS)) {
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, CONSENT_WITHDRAWAL_PROCESS,
          Permissions.CREATE_INSTANCE));
    }
    grants.add(new Grant(PathwayGroups.MANAGERS, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE));

    // The hub's coordinators work every case: they read its variables (the case reference and risk columns of
    // their Tasklist filters) and may hand back or reassign a task someone claimed and left.
    String coordinators = PathwayGroups.COORDINATORS;
    grants.add(new Grant(coordinators, Resources.PROCESS_DEFINITION, "*", Permissions.READ,
        Permissions.READ_INSTANCE));
    grants.add(new Grant(coordinators, Resources.PROCESS_INSTANCE, "*", Permissions.READ));
    grants.add(new Grant(coordinators, Resources.TASK, "*", Permissions.READ, Permissions.TASK_ASSIGN));

    // Managers read everything in Cockpit and change cases only through the pathway's own tasks.
    String managers = PathwayGroups.MANAGERS;
    grants.add(new Grant(managers, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
    grants.add(new Grant(managers, Resources.PROCESS_DEFINITION, "*", Permissions.READ,
        Permissions.READ_HISTORY, Permissions.READ_INSTANCE, Permissions.READ_TASK));
    grants.add(new Grant(managers, Resources.PROCESS_INSTANCE, "*", Permissions.READ));
    grants.add(new Grant(managers, Resources.TASK, "*", Permissions.READ, Permissions.TASK_ASSIGN));
    grants.add(new Grant(managers, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY));
    grants.add(new Grant(managers, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ));
    grants.add(new Grant(managers, Resources.DEPLOYMENT, "*", Permissions.READ));

    // Process owners deploy models and read definitions, statistics and incidents (which need the instances), never
    // a case's history, and change no case: no deletion (a deployment deleted with cascade takes its cases along),
    // no suspension, no variables, no messages. Cockpit only: they work no tasks.
    String owners = PathwayGroups.PROCESS_OWNERS;
    grants.add(new Grant(owners, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
    grants.add(new Grant(owners, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ));
    grants.add(new Grant(owners, Resources.PROCESS_DEFINITION, "*", Permissions.READ));
    grants.add(new Grant(owners, Resources.DECISION_DEFINITION, "*", Permissions.READ));
    grants.add(new Grant(owners, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ));
    grants.add(new Grant(owners, Resources.PROCESS_INSTANCE, "*", Permissions.READ));

    // The administrator manages users, groups, memberships and authorizations in Admin. (Camunda lets members of
    // camunda-admin past every engine check; Admin still asks for these grants before it offers its pages.)
    String administrators = PathwayGroups.ADMINISTRATORS;
    grants.add(new Grant(administrators, Resources.APPLICATION, "admin", Permissions.ACCESS));
    for (Resource identity : List.of(Resources.USER, Resources.GROUP, Resources.GROUP_MEMBERSHIP,
        Resources.AUTHORIZATION, Resources.TENANT, Resources.TENANT_MEMBERSHIP)) {
      grants.add(new Grant(administrators, identity, "*", Permissions.ALL));
    }
    return grants;
  }

  /** Grants of earlier versions that no longer stand: removed at start from databases that have them. */
  private static List<Grant> withdrawn() {
    return List.of(
        new Grant(PathwayGroups.PROCESS_OWNERS, Resources.APPLICATION, "tasklist"),
        new Grant(PathwayGroups.PROCESS_OWNERS, Resources.FILTER, "*"));
  }

  private void grantExactly(Grant grant) {
    Authorization existing = find(grant);
    Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing != null && holdsExactly(existing, grant)) {
      return;
    }
    authorization.setGroupId(grant.groupId());
    authorization.setResource(grant.resource());
    authorization.setResourceId(grant.resourceId());
    authorization.setPermissions(grant.permissions());
    try {
      authorizations.saveAuthorization(authorization);
    } catch (ProcessEngineException savedByAnotherNode) {
      // Another node starting at the same moment granted it; nothing is lost.
    }
  }

  /** One grant per group and resource: a group's rights on a resource may be listed in several places above. */
  private static Collection<Grant> merged(List<Grant> grants) {
    Map<List<Object>, Grant> merged = new LinkedHashMap<>();
    for (Grant grant : grants) {
      merged.merge(List.of(grant.groupId(), grant.resource().resourceType(), grant.resourceId()), grant,
          (one, other) -> new Grant(one.groupId(), one.resource(), one.resourceId(),
              Stream.concat(Arrays.stream(one.permissions()), Arrays.stream(other.permissions())).distinct()
                  .toArray(Permission[]::new)));
    }
    return merged.values();
  }

  private static boolean holdsExactly(Authorization authorization, Grant grant) {
    List<Permission> wanted = List.of(grant.permissions());
    if (wanted.contains(Permissions.ALL)) {
      return authorization.isEveryPermissionGranted();
    }
    return Arrays.stream(Permissions.values())
        .filter(permission -> permission != Permissions.NONE && permission != Permissions.ALL)
        .filter(permission -> Arrays.asList(permission.getTypes()).contains(grant.resource()))
        .allMatch(permission -> authorization.isPermissionGranted(permission) == wanted.contains(permission));
  }

  private void withdraw(Grant grant) {
    Authorization existing = find(grant);
    if (existing != null) {
      authorizations.deleteAuthorization(existing.getId());
    }
  }

  private Authorization find(Grant grant) {
    return authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(grant.groupId())
        .resourceType(grant.resource())
        .resourceId(grant.resourceId())
        .singleResult();
  }
}
