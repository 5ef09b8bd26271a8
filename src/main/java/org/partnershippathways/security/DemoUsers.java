package org.partnershippathways.security;

import java.util.List;

/** The demo users, one or more for every agency and role; created only in demo mode. */
final class DemoUsers {

  record DemoUser(String id, String firstName, String lastName, List<String> groups) {

    /** An example address at the user's agency (police.officer@police.example), where the demo's e-mails go. */
    String email() {
      String group = groups.get(0);
      String domain = group.startsWith("police") ? "police.example" : group.startsWith("health") ? "nhs.example"
          : group.startsWith("social-care") || group.equals(PathwayGroups.OUT_OF_HOURS_DUTY) ? "council.example"
          : group.startsWith("voluntary") ? "voluntary.example" : "hub.example";
      return id + "@" + domain;
    }
  }

  static final List<DemoUser> ALL = List.of(
      new DemoUser("coordinator", "Casey", "Coordinator", List.of(PathwayGroups.COORDINATORS)),
      new DemoUser("manager", "Morgan", "Manager", List.of(PathwayGroups.MANAGERS)),
      new DemoUser("process.owner", "Olive", "Owner", List.of(PathwayGroups.PROCESS_OWNERS)),
      new DemoUser("police.officer", "Priya", "Constable", List.of(Agency.POLICE.groupId())),
      new DemoUser("police.manager", "Paul", "Inspector", List.of(Agency.POLICE.managersGroupId())),
      new DemoUser("health.practitioner", "Hana", "Nurse", List.of(Agency.HEALTH.groupId())),
      new DemoUser("health.manager", "Harry", "Lead", List.of(Agency.HEALTH.managersGroupId())),
      new DemoUser("social.worker", "Sam", "Worker", List.of(Agency.SOCIAL_CARE.groupId())),
      new DemoUser("social-care.manager", "Sally", "Team-Manager", List.of(Agency.SOCIAL_CARE.managersGroupId())),
      new DemoUser("duty.officer", "Dev", "Duty-Officer", List.of(PathwayGroups.OUT_OF_HOURS_DUTY)),
      new DemoUser("voluntary.worker", "Vic", "Volunteer", List.of(Agency.VOLUNTARY.groupId())),
      new DemoUser("voluntary.manager", "Val", "Director", List.of(Agency.VOLUNTARY.managersGroupId())));
  // Partner systems are no users with passwords: they sign in with their keys (PartnerApiKeys).

  private DemoUsers() {
  }
}
