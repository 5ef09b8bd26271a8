package org.partnershippathways.withdrawal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;
import org.partnershippathways.platform.InvalidTaskInput;

/** A case on an earlier consent-withdrawal version, which names ${withdrawalNotices} on both steps, still works. */
class WithdrawalNoticesTest {

  final WithdrawalTable records = mock(WithdrawalTable.class);
  final WithdrawalNotices former = new WithdrawalNotices(new TellAgencyOfWithdrawalListener(records),
      new ResolveRejectedWithdrawalNotificationListener(records));

  @Test
  void theAgencysReferenceAcknowledgesTheNotice() {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariableLocal("partnerReference")).thenReturn("POL-42");
    when(execution.getVariable("withdrawalId")).thenReturn("w1");
    when(execution.getVariable("agency")).thenReturn("police");

    former.notify(execution);

    verify(records).told(eq("w1"), eq("police"), eq(WithdrawalTable.ACKNOWLEDGED), eq("POL-42"), isNull(), any());
  }

  @Test
  void aRefusedNoticeStaysUnacknowledged() {
    former.notify(mock(DelegateExecution.class));

    verify(records, never()).told(anyString(), anyString(), anyString(), any(), any(), any());
  }

  @Test
  void theCoordinatorSaysHowTheyToldTheAgency() {
    DelegateTask task = mock(DelegateTask.class);
    when(task.getVariable("notificationResolution")).thenReturn("Phoned the duty sergeant");
    when(task.getVariable("withdrawalId")).thenReturn("w1");
    when(task.getVariable("agency")).thenReturn("police");

    former.notify(task);

    verify(records).told(eq("w1"), eq("police"), eq(WithdrawalTable.TOLD_ANOTHER_WAY), isNull(),
        eq("Phoned the duty sergeant"), any());
  }

  @Test
  void withoutSayingHowTheTaskIsRefused() {
    assertThatThrownBy(() -> former.notify(mock(DelegateTask.class))).isInstanceOf(InvalidTaskInput.class)
        .hasMessageContaining("notification resolution is needed");
  }
}
