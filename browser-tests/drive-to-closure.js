// Takes running demo cases to the end of their pathway as the demo's people would: each open task of the cases is
// claimed and completed over the engine's REST API by a demo user of its candidate group, with the values its form
// sends; the coordinator marks a scheduled meeting held (POST /api/meetings/{id}/held); the partner sandbox replies
// by itself. Holds no state between rounds: each round reads what the cases wait for and does it.

const PATHWAY = 'early-intervention-pathway';
const USER_OF_GROUP = {
  coordinators: 'coordinator', managers: 'manager', 'out-of-hours-duty': 'duty.officer',
  police: 'police.officer', 'police-managers': 'police.manager',
  health: 'health.practitioner', 'health-managers': 'health.manager',
  'social-care': 'social.worker', 'social-care-managers': 'social-care.manager',
  voluntary: 'voluntary.worker', 'voluntary-managers': 'voluntary.manager'
};

/** A weekday {@code days} or more ahead, as yyyy-mm-dd (the forms' date fields send ISO dates). */
function weekdayAhead(days) {
  const day = new Date();
  day.setDate(day.getDate() + days);
  while (day.getDay() === 0 || day.getDay() === 6) day.setDate(day.getDate() + 1);
  return day.toISOString().slice(0, 10);
}

const resolution = {notificationResolution: 'Told them by phone and secure e-mail; they confirmed receipt.'};
const noSharing = {shareWithoutConsent: false,
  decisionRationale: 'No lawful basis to share without consent here; the refusal is respected.'};

/** What each task's form sends; a function gets the task's own variables (the triage's proposals). */
const FORM_VALUES = {
  Task_ReviewPossibleDuplicate: {duplicateDecision: 'KEEP_APART', duplicateReason: 'A different person (checked).'},
  Task_ConfirmTriage: proposals => ({riskRating: proposals.proposedRiskRating, urgency: proposals.proposedUrgency,
    meetingTimescale: proposals.proposedMeetingTimescale}),
  Task_RecordConsent: {consentStatus: 'GIVEN', consentGivenBy: 'The person, in person to the coordinator',
    consentScope: 'FULL'},
  Task_DecideSharingWithoutConsent: noSharing,
  Task_DecideSharingWithoutConsentAfterWithdrawal: noSharing,
  Task_RenewOrCloseConsent: {renewalDecision: 'RENEW', renewedValidUntil: `${weekdayAhead(180)}T00:00`,
    renewalNote: 'Consent confirmed again with the person.'},
  Task_SingleAgencySupport: {singleAgencySupport: 'Signposted to the local support service.'},
  Task_ResolveRejectedRequest: {rejectionDecision: 'SKIP'},
  Task_FollowUpMissingResponse: {followUpDecision: 'PROCEED_WITHOUT', followUpNote: 'Proceeding without it.'},
  Task_ReviewGatheredInformation: {informationSummary: 'Partners\' replies reviewed; picture agreed.'},
  Task_ReviewGatheredInformationTogether: {informationSummary: 'Partners\' replies reviewed together after the change.'},
  Task_ScheduleMeeting: {meetingDate: `${weekdayAhead(1)}T10:00`, meetingPlace: 'Partnership hub, room 2'},
  Task_ChaseMeetingScheduling: {chaseNote: 'Asked the coordinator to schedule it this week.'},
  Task_HandleRejectedInvitation: {invitationDecision: 'PROCEED_WITHOUT_AGENCY',
    invitationNote: 'The agency sends a written update instead.'},
  Task_RecordAttendance: {attendedPolice: true, attendedHealth: true, attendedSocialCare: true,
    attendedVoluntary: true},
  Task_RecordDecisionsAndActions: {decisions: 'Agreed one action; review when it is done.', noActionsNeeded: false,
    action1Description: 'Police: a welfare visit and a DASH risk assessment', action1Agency: 'police',
    action1DueDate: weekdayAhead(10), action1Priority: 'HIGH'},
  Task_CompleteAction: {actionOutcome: 'DONE', outcomeReason: 'Done as agreed at the meeting.'},
  Task_EscalatedActionAgencyManager: {escalationNote: 'Spoke to the officer; it is being done now.'},
  Task_EscalatedActionPathwayManager: {escalationNote: 'Raised with the agency; it is being done now.'},
  Task_ReviewFurtherConcern: {furtherConcernNotes: 'Read with the case; the plan stands.'},
  Task_ManagerReviewOfRounds: {managerDecision: 'CLOSE', managerReason: 'Nothing more to gain from another round.'},
  Task_ReviewCase: {reviewOutcome: 'OUTCOMES_MET', reviewNotes: 'The action is done; outcomes met.'},
  Task_StatutorySafeguardingReferral: {statutoryReferralDecision: 'DECLINED',
    statutoryDecisionReason: 'Below the threshold for a statutory enquiry; early help goes on.'},
  Task_EscalatedStatutoryReferral: {referralEscalationNote: 'Duty team called social care; decided today.'},
  Task_ResolveRejectedPoliceNotification: resolution,
  Task_ResolveRejectedSocialCareNotification: resolution,
  Task_ResolveRejectedWithdrawalNotification: resolution,
  Task_ResolveRejectedClosureNotification: resolution
};

/**
 * Drives the cases (business keys) until none of them has a running pathway; answers how many tasks were done.
 * {@code call(user, method, path, body)} answers {status, body, text}. Throws, naming the case and step, when a
 * task is unknown or refused, or when nothing moves for {@code patienceMs}.
 */
export async function driveToClosure(call, businessKeys, patienceMs = 180000) {
  const keys = new Set(businessKeys);
  let done = 0;
  let lastMove = Date.now();
  for (;;) {
    const running = (await call('manager', 'GET', `/engine-rest/process-instance?processDefinitionKey=${PATHWAY}`))
      .body.filter(instance => keys.has(instance.businessKey));
    if (running.length === 0) return done;
    let moved = false;
    for (const key of new Set(running.map(instance => instance.businessKey))) {
      const tasks = (await call('manager', 'GET',
        `/engine-rest/task?processInstanceBusinessKey=${encodeURIComponent(key)}`)).body;
      for (const task of tasks) {
        if (await complete(call, key, task)) {
          done++;
          moved = true;
        }
      }
      if (tasks.length === 0) moved = await markMeetingHeld(call, key) || moved;
    }
    if (moved) {
      lastMove = Date.now();
    } else if (Date.now() - lastMove > patienceMs) {
      throw new Error(`nothing moved for ${patienceMs / 1000} s on ${running.map(i => i.businessKey).join(', ')}`);
    } else {
      await new Promise(resolve => setTimeout(resolve, 700));
    }
  }
}

/** Completes the task; false when it went away meanwhile (an escalation ended by its action's completion). */
async function complete(call, key, task) {
  const values = FORM_VALUES[task.taskDefinitionKey];
  if (!values) throw new Error(`${key} waits at '${task.name}' (${task.taskDefinitionKey}), which the driver does not know`);
  const answer = await call('manager', 'GET', `/engine-rest/task/${task.id}/identity-links?type=candidate`);
  if (answer.status !== 200) {
    // the task went away meanwhile (an escalation ended by its action)
    if ((await call('manager', 'GET', `/engine-rest/task/${task.id}`)).status === 404) return false;
    throw new Error(`${key}: the candidates of '${task.name}' cannot be read: ${answer.text}`);
  }
  const links = answer.body;
  const user = links.map(link => USER_OF_GROUP[link.groupId]).find(Boolean);
  if (!user) throw new Error(`${key}: no demo user for '${task.name}' (${JSON.stringify(links)})`);
  let formValues = values;
  if (typeof values === 'function') {
    formValues = values(Object.fromEntries(Object.entries(
      (await call(user, 'GET', `/engine-rest/task/${task.id}/variables`)).body).map(([name, v]) => [name, v.value])));
  }
  if (task.assignee !== user) {
    const claimed = await call(user, 'POST', `/engine-rest/task/${task.id}/claim`, {userId: user});
    if (claimed.status !== 204) throw new Error(`${key}: ${user} cannot claim '${task.name}': ${claimed.text}`);
  }
  const variables = Object.fromEntries(Object.entries(formValues).map(([name, value]) => [name, {value}]));
  const submitted = await call(user, 'POST', `/engine-rest/task/${task.id}/submit-form`, {variables});
  if (submitted.status !== 204) throw new Error(`${key}: '${task.name}' refused for ${user}: ${submitted.text}`);
  return true;
}

/** The coordinator marks the case's scheduled meeting held, when the meeting waits for it. */
async function markMeetingHeld(call, key) {
  const waiting = (await call('coordinator', 'GET', `/engine-rest/execution?businessKey=${encodeURIComponent(key)}`
    + '&messageEventSubscriptionName=MeetingHeld')).body;
  if (!Array.isArray(waiting) || waiting.length === 0) return false;
  const meeting = await call('coordinator', 'GET',
    `/engine-rest/process-instance/${waiting[0].processInstanceId}/variables/meetingId`);
  if (meeting.status !== 200) return false;
  const held = await call('coordinator', 'POST', `/api/meetings/${meeting.body.value}/held`);
  if (held.status >= 300) throw new Error(`${key}: the meeting cannot be marked held: ${held.text}`);
  return true;
}
