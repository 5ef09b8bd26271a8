package org.partnershippathways.withdrawal;

import java.util.Set;
import org.partnershippathways.platform.PersonalFormFields;
import org.springframework.stereotype.Component;

/**
 * Who withdrew consent and the coordinator's notes name and describe people: {@code ServiceTask_RecordWithdrawal}
 * moves them into {@code consent_withdrawal} and removes the variables, and they never reach the engine's history.
 */
@Component
record WithdrawalFormPersonalFields() implements PersonalFormFields {

  static final Set<String> NAMES = Set.of("withdrawnBy", "withdrawalNotes");

  @Override
  public String processKey() {
    return WithdrawalController.PROCESS;
  }

  @Override
  public Set<String> names() {
    return NAMES;
  }
}
