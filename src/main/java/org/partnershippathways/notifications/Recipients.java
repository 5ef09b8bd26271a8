package org.partnershippathways.notifications;

import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.partnershippathways.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Who a group's e-mail about a case goes to: its group mailbox ({@code pathways.notifications.group-mailboxes.<group>})
 * when one is set, else the own address (Camunda Admin, user profile) of each member of the group in the case's
 * partnership (another partnership's police managers are not told of this one's case). Addresses under {@code .invalid}
 * (the default of users created without one) are skipped: nothing could deliver them.
 */
@Component
record Recipients(IdentityService identity, CurrentUser currentUser, NotificationsProperties properties) {

  List<String> of(String group, String partnershipId) {
    String mailbox = properties.groupMailboxes().get(group);
    if (mailbox != null && !mailbox.isBlank()) {
      return List.of(mailbox.strip());
    }
    List<User> members = currentUser.asSystem(() -> identity.createUserQuery().memberOfGroup(group)
        .memberOfTenant(partnershipId).orderByUserId().asc().list());
    return members.stream().map(User::getEmail).filter(Recipients::deliverable).map(String::strip).distinct()
        .toList();
  }

  static boolean deliverable(String address) {
    if (address == null || address.isBlank() || !address.contains("@")) {
      return false;
    }
    String lower = address.strip().toLowerCase(Locale.ROOT);
    return !lower.endsWith(".invalid");
  }
}
