package org.partnershippathways.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;
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
class GroupAuthorizations {

  static final String PATHWAY_PROCESS = "early-intervention-pathway";

  private record Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
  }

  private final AuthorizationService authorizations;

  GroupAuthorizations(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  void grant() {
    grants().forEach(this::grantIfMissing);
  }

  static List<String> pathwayGroups() {
    List<String> groups = new ArrayList<>(List.of(PathwayGroups.COORDINATORS, PathwayGroups.MANAGERS));
    for (Agency agency : Agency.values()) {
      groups.add(agency.groupId());
      groups.add(agency.managersGroupId());
    }
    return groups;
  }

  private static List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    List<String> everyone = new ArrayList<>(pathwayGroups());
    everyone.add(PathwayGroups.PROCESS_OWNERS);
    for (String group : everyone) {
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

    // The hub's coordinators work every case: they read its variables (the case reference and risk columns of
    // their Tasklist filters) and may hand back or reassign a task someone claimed and left.
    String coordinators = PathwayGroups.COORDINATORS;
    grants.add(new Grant(coordinators, Resources.PROCESS_DEFINITION, "*", Permissions.READ,
        Permissions.READ_INSTANCE));
    grants.add(new Grant(coordinators, Resources.PROCESS_INSTANCE, "*", Permissions.READ));
    grants.add(new Grant(coordinators, Resources.TASK, "*", Permissions.READ, Permissions.TASK_ASSIGN));

    String managers = PathwayGroups.MANAGERS;
    grants.add(new Grant(managers, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
    grants.add(new Grant(managers, Resources.PROCESS_DEFINITION, "*", Permissions.READ,
        Permissions.READ_HISTORY, Permissions.READ_INSTANCE, Permissions.READ_TASK));
    grants.add(new Grant(managers, Resources.PROCESS_INSTANCE, "*", Permissions.READ));
    grants.add(new Grant(managers, Resources.TASK, "*", Permissions.READ, Permissions.TASK_ASSIGN));
    grants.add(new Grant(managers, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY));
    grants.add(new Grant(managers, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ));
    grants.add(new Grant(managers, Resources.DEPLOYMENT, "*", Permissions.READ));

    String owners = PathwayGroups.PROCESS_OWNERS;
    grants.add(new Grant(owners, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
    grants.add(new Grant(owners, Resources.DEPLOYMENT, "*", Permissions.ALL));
    grants.add(new Grant(owners, Resources.PROCESS_DEFINITION, "*", Permissions.ALL));
    grants.add(new Grant(owners, Resources.DECISION_DEFINITION, "*", Permissions.ALL));
    grants.add(new Grant(owners, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.ALL));
    grants.add(new Grant(owners, Resources.PROCESS_INSTANCE, "*", Permissions.READ));
    return grants;
  }

  private void grantIfMissing(Grant grant) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(grant.groupId())
        .resourceType(grant.resource())
        .resourceId(grant.resourceId())
        .singleResult();
    Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(grant.groupId());
    authorization.setResource(grant.resource());
    authorization.setResourceId(grant.resourceId());
    boolean changed = existing == null;
    for (Permission permission : grant.permissions()) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (!changed) {
      return;
    }
    try {
      authorizations.saveAuthorization(authorization);
    } catch (ProcessEngineException savedByAnotherNode) {
      // Another node starting at the same moment granted it; nothing is lost.
    }
  }
}
