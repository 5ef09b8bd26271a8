package org.partnershippathways.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.partnershippathways.security.Agency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Tells staff by e-mail what needs them: an action assigned to their agency, its reminder, its escalation, a
 * partner's refusal, an overdue statutory referral. Called in the transaction of the event (a delegate or
 * listener), it only writes the e-mails to the outbox, one per recipient, so that they are sent if and only if the
 * event is committed, and no engine transaction waits for a mail server; {@link OutboxSender} sends them.
 */
@Service
public class Notifications {

  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

  private final OutboxTable outbox;
  private final Recipients recipients;
  private final NotificationsProperties properties;
  private final JdbcClient jdbc;

  Notifications(OutboxTable outbox, Recipients recipients, NotificationsProperties properties, DataSource dataSource) {
    this.outbox = outbox;
    this.recipients = recipients;
    this.properties = properties;
    this.jdbc = JdbcClient.create(dataSource);
  }

  /** The action of {@code agencyGroup} (newly agreed, or reassigned to it), due on {@code due}. */
  public void actionAssigned(String caseId, String agencyGroup, LocalDate due) {
    tell(caseId, NotificationKind.ACTION_ASSIGNED, List.of(agencyGroup),
        reference -> MailWording.actionAssigned(reference, agency(agencyGroup), due, tasklist()));
  }

  /** The reminder before the due day, to the owning agency. */
  public void actionReminder(String caseId, String agencyGroup, LocalDate due) {
    tell(caseId, NotificationKind.ACTION_REMINDER, List.of(agencyGroup),
        reference -> MailWording.actionReminder(reference, agency(agencyGroup), due, tasklist()));
  }

  /** The escalation of an overdue action to {@code toldGroup} (the agency's managers, or the pathway managers). */
  public void actionEscalated(String caseId, String agencyGroup, LocalDate due, String toldGroup,
      boolean pathwayManagers) {
    tell(caseId, NotificationKind.ACTION_ESCALATED, List.of(toldGroup),
        reference -> MailWording.actionEscalated(reference, agency(agencyGroup), due, pathwayManagers, tasklist()));
  }

  /** A partner's system refused a request: the coordinators are told. */
  public void partnerRefused(String caseId, String agencyGroup, String toldGroup) {
    tell(caseId, NotificationKind.PARTNER_REFUSED, List.of(toldGroup),
        reference -> MailWording.partnerRefused(reference, agency(agencyGroup), tasklist()));
  }

  /** The statutory referral of an immediate risk was not decided in time: {@code toldGroups} are told. */
  public void statutoryReferralOverdue(String caseId, Collection<String> toldGroups) {
    tell(caseId, NotificationKind.STATUTORY_REFERRAL_OVERDUE, List.copyOf(toldGroups),
        reference -> MailWording.statutoryReferralOverdue(reference, tasklist()));
  }

  private void tell(String caseId, NotificationKind kind, List<String> groups,
      java.util.function.Function<String, MailText> wording) {
    if ("off".equals(properties.channel())) {
      return;
    }
    Optional<CaseOfTheMail> reference = reference(caseId);
    if (reference.isEmpty()) {
      LOG.error("No case {}: {} was not e-mailed to {}", caseId, kind, groups);
      return;
    }
    MailText text = wording.apply(reference.get().reference());
    for (String group : groups) {
      List<String> addresses = recipients.of(group, reference.get().partnershipId());
      if (addresses.isEmpty()) {
        LOG.warn("Nobody in group {} of the case's partnership has an e-mail address: {} of case {} was not"
            + " e-mailed", group, kind, reference.get().reference());
      }
      addresses.forEach(address -> outbox.add(caseId, kind, group, address, text, Instant.now()));
    }
  }

  private record CaseOfTheMail(String reference, String partnershipId) {
  }

  private Optional<CaseOfTheMail> reference(String caseId) {
    return jdbc.sql("select reference, partnership_id from pathway_case where id = :id").param("id", caseId)
        .query((rs, row) -> new CaseOfTheMail(rs.getString(1), rs.getString(2))).optional();
  }

  private String tasklist() {
    return properties.linkBase() + "/camunda/app/tasklist/";
  }

  private static String agency(String group) {
    return Agency.nameOf(group);
  }
}
