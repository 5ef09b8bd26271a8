package org.partnershippathways.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import uk.gov.service.notify.NotificationClientApi;
import uk.gov.service.notify.NotificationClientException;

/** What the GOV.UK Notify adapter asks of Notify's client: no network, the client's interface only. */
class GovUkNotifyNotifierTest {

  final NotificationClientApi client = mock(NotificationClientApi.class);
  final GovUkNotifyNotifier notifier = new GovUkNotifyNotifier(client, "template-123");

  @Test
  @SuppressWarnings("unchecked")
  void sendsTheTemplateWithSubjectAndBodyToOneAddressWithTheOutboxRowAsReference() throws Exception {
    notifier.send(new OutgoingMail("row-1", "police.officer@police.example", "PP-2026-000003: reminder",
        "Reminder: the action ... is due on 08/12/2026."));

    ArgumentCaptor<Map<String, ?>> personalisation = ArgumentCaptor.forClass(Map.class);
    verify(client).sendEmail(org.mockito.ArgumentMatchers.eq("template-123"),
        org.mockito.ArgumentMatchers.eq("police.officer@police.example"), personalisation.capture(),
        org.mockito.ArgumentMatchers.eq("row-1"));
    assertThat(Map.copyOf(personalisation.getValue())).isEqualTo(Map.of("subject", "PP-2026-000003: reminder",
        "body", "Reminder: the action ... is due on 08/12/2026."));
    assertThat(notifier.channel()).isEqualTo("govuk-notify");
  }

  @Test
  void aRefusalByNotifyReachesTheOutboxAsAFailure() throws Exception {
    when(client.sendEmail(anyString(), anyString(), anyMap(), any()))
        .thenThrow(new NotificationClientException("Status code: 400 BadRequestError: Can't send to this recipient"));

    assertThatThrownBy(() -> notifier.send(new OutgoingMail("row-2", "x@police.example", "s", "b")))
        .isInstanceOf(NotificationClientException.class).hasMessageContaining("400");
  }
}
