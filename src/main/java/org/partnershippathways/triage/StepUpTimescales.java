package org.partnershippathways.triage;

import java.time.Duration;
import org.partnershippathways.platform.StartupSettingException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Clock time, not working days, governs immediate risk: the statutory referral of the step-up is due this long after
 * it is asked for ({@code pathways.immediate-risk.referral-due}, default 4 hours), and escalates when not decided by
 * then. Available to the models as the bean {@code stepUpTimescales}: {@code ${stepUpTimescales.referralDue}}.
 */
@Component("stepUpTimescales")
public class StepUpTimescales {

  private final Duration referralDue;

  public StepUpTimescales(@Value("${pathways.immediate-risk.referral-due:PT4H}") Duration referralDue) {
    if (referralDue == null || referralDue.isNegative() || referralDue.isZero()
        || referralDue.compareTo(Duration.ofHours(24)) > 0) {
      throw new StartupSettingException("PATHWAYS_IMMEDIATE_RISK_REFERRAL_DUE is " + referralDue
          + ": the statutory referral of an immediate risk must be due within a clock time of up to 24 hours",
          "Set PATHWAYS_IMMEDIATE_RISK_REFERRAL_DUE to a clock time such as 4h or PT4H (not in working days).");
    }
    this.referralDue = referralDue;
  }

  /** The ISO 8601 duration in clock hours and minutes, e.g. {@code PT4H}, for a task's due date or a timer. */
  public String getReferralDue() {
    return "PT" + referralDue.toMinutes() + "M";
  }
}
