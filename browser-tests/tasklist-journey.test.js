// Browser test of the README's promise: a concern raised with the README's curl payload appears in the
// coordinators' Tasklist and is taken to the multi-agency meeting stage with the Tasklist forms only.
// Raises the concern over the API as the demo coordinator (a fresh person, so it never joins a demo case), then
// in Tasklist: filter "My agency's tasks", search the case, claim and complete "Confirm or override the triage",
// "Record consent" and, once the partner sandbox has replied, "Review the information gathered". Checks over the
// engine REST API that the case waits in "Schedule the multi-agency meeting", and reads the case's chronology in
// the task's tab "Case". Saves a screenshot of each form and of the chronology.
import {chromium} from 'playwright-core';
import assert from 'node:assert/strict';
import {mkdirSync, readFileSync, rmSync} from 'node:fs';
import {randomUUID} from 'node:crypto';
import {assertAccessible} from './accessibility.js';
import {signIn} from './sign-in.js';

const baseUrl = process.env.APP_URL;
const password = process.env.PATHWAYS_DEMO_PASSWORD;
const user = process.env.COORDINATOR_USER || 'coordinator';
const partnerReplyTimeoutMs = Number(process.env.PARTNER_REPLY_TIMEOUT_MS || 120000);
const screenshots = new URL('./screenshots/', import.meta.url).pathname;
if (!baseUrl || !password) {
  throw new Error('APP_URL and PATHWAYS_DEMO_PASSWORD must be set (run.sh sets them)');
}
const authorization = 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
const started = Date.now();

async function api(path, options = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    ...options,
    headers: {Authorization: authorization, Accept: 'application/json', ...(options.headers || {})}
  });
  const text = await response.text();
  return {status: response.status, body: text ? JSON.parse(text) : null, text};
}

/** Polls until check() answers something truthy; fails with what it was waiting for. */
async function eventually(what, check, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await check();
    if (last) {
      return last;
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

/** A valid NHS number (modulus 11) that no demo person has: random digits, check digit computed. */
function freshNhsNumber() {
  for (;;) {
    const digits = Array.from({length: 9}, (_, i) => (i === 0 ? 7 + Math.floor(Math.random() * 3) : Math.floor(Math.random() * 10)));
    const sum = digits.reduce((total, digit, i) => total + digit * (10 - i), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check !== 10) {
      const all = [...digits, check].join('');
      return `${all.slice(0, 3)} ${all.slice(3, 6)} ${all.slice(6)}`;
    }
  }
}

/** The README's example concern, about a person made up for this run. */
function concernOfFreshPerson() {
  const payload = JSON.parse(readFileSync(new URL('../docs/examples/concern.json', import.meta.url), 'utf8'));
  const unique = Date.now().toString(36);
  payload.person.givenName = 'Robin';
  payload.person.familyName = `Tasklist-${unique}`;
  payload.person.dateOfBirth = `2012-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;
  payload.person.nhsNumber = freshNhsNumber();
  return payload;
}

async function openTasksOf(caseId, taskDefinitionKey) {
  const {status, body} = await api(`/engine-rest/task?processVariables=caseId_eq_${caseId}` +
    `&taskDefinitionKey=${taskDefinitionKey}`);
  assert.equal(status, 200, `GET /engine-rest/task for ${taskDefinitionKey} as ${user}`);
  return body;
}

/** Waits for the case's task; on time-out says which tasks the case has instead (a rejected request, say). */
async function waitForTask(caseId, key, timeoutMs) {
  try {
    return await eventually(`task ${key} of case ${caseId}`, async () => (await openTasksOf(caseId, key))[0], timeoutMs);
  } catch (error) {
    const open = (await api(`/engine-rest/task?processVariables=caseId_eq_${caseId}`)).body || [];
    error.message += `; the case's open tasks: ${open.map(t => `${t.taskDefinitionKey} "${t.name}"`).join(', ') || 'none'}`;
    throw error;
  }
}

async function taskGone(taskId, name) {
  await eventually(`"${name}" (${taskId}) to be completed`, async () => (await api(`/engine-rest/task/${taskId}`)).status === 404);
}

// 1. Raise the concern as the README does (curl -d @docs/examples/concern.json with an Idempotency-Key).
const concern = concernOfFreshPerson();
const raised = await api('/api/concerns', {
  method: 'POST',
  headers: {'Content-Type': 'application/json', 'Idempotency-Key': randomUUID()},
  body: JSON.stringify(concern)
});
assert.equal(raised.status, 201, `POST /api/concerns answers 201 (answered ${raised.status}: ${raised.text})`);
const {caseId, caseReference, joinedExistingCase} = raised.body;
assert.ok(caseId && /^PP-\d{4}-\d{6}$/.test(caseReference), `the answer names the case: ${raised.text}`);
assert.equal(joinedExistingCase, false, 'the made-up person must get a new case, not join a demo case');
console.log(`Concern raised: case ${caseReference} (${caseId}) for ${concern.person.givenName} ${concern.person.familyName}`);
const triageTask = await waitForTask(caseId, 'Task_ConfirmTriage', 30000);

mkdirSync(screenshots, {recursive: true});
rmSync(`${screenshots}tasklist-failure.png`, {force: true});
const browser = await chromium.launch({executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true});
const page = await browser.newPage({viewport: {width: 1400, height: 1300}});
page.setDefaultTimeout(60000);
// What the browser met on the way, printed when the journey fails (a refused request, a script error).
const troubles = [];
page.on('response', response => response.status() >= 400 && troubles.push(`HTTP ${response.status()} ${response.url()}`));
page.on('requestfailed', request => troubles.push(`failed ${request.url()}: ${request.failure()?.errorText}`));
page.on('pageerror', error => troubles.push(`script error: ${error.message.split('\n')[0]}`));
let step = 'signing in to Tasklist';
try {
  // 2. Tasklist as the coordinator, filter "My agency's tasks", search the case by its reference.
  await signIn(page, baseUrl, 'tasklist', user, password);

  step = 'opening the filter "My agency\'s tasks"';
  const filter = page.locator('.task-filter', {hasText: "My agency's tasks"});
  await filter.waitFor({timeout: 90000});
  // Issue 19, urgent work first: the agency's open work is the first filter, sorted by due date then priority.
  assert.match(await page.locator('.task-filter').first().innerText(), /My agency's tasks/, 'the first filter is the agency\'s open work');
  await page.waitForURL(url => decodeURIComponent(url.hash).includes('"sortBy":"dueDate"'));
  assert.ok(decodeURIComponent(page.url()).includes('[{"sortBy":"dueDate","sortOrder":"asc"},{"sortBy":"priority","sortOrder":"desc"}]'),
    `Tasklist sorts by due date, then priority (${decodeURIComponent(page.url())})`);
  await filter.click();
  await page.locator('.task-filter.active', {hasText: "My agency's tasks"}).waitFor();
  // Issue 19: Risk is a coloured label in words on the cards, never a code.
  await page.locator('li.task').first().waitFor();
  const risks = await page.$$eval('li.task .variable-item', items => items
    .filter(item => item.querySelector('.variable-label')?.textContent.trim() === 'Risk:')
    .map(item => {
      const value = item.querySelector('.variable-value');
      return {text: value.textContent.trim(), background: getComputedStyle(value).backgroundColor};
    }));
  assert.ok(risks.length >= 1, 'the demo cases\' tasks show their risk');
  for (const risk of risks) {
    assert.match(risk.text, /^(Red|Amber|Green)$/, `Risk in words (${risk.text})`);
    assert.notEqual(risk.background, 'rgba(0, 0, 0, 0)', `Risk "${risk.text}" is a coloured label`);
  }
  await assertAccessible(page, "Tasklist's filters and task list", ['[cam-tasklist-filters]', '[cam-tasks]']);
  // Issue 19: no "migrate to Camunda 8" banner for our users.
  assert.equal(await page.locator('.ce-eol-banner').isVisible(), false, 'Tasklist shows no "migrate to Camunda 8" banner');
  // docs/security.md: buttons no role may use are not offered (nobody creates tasks or changes the filters).
  for (const [button, selector] of [['"Create task"', 'li.create-task-action'],
    ['the pencil that changes a filter', '.task-filter.active .glyphicon-pencil']]) {
    assert.equal(await page.locator(selector).count(), 1, `Tasklist has ${button} (${selector})`);
    assert.equal(await page.locator(selector).isVisible(), false, `Tasklist does not offer ${button}`);
  }

  // The case reference is the business key of the case's processes (the called ones too).
  step = `searching the tasks of ${caseReference}`;
  await page.locator('[cam-widget-search] input.main-field').click();
  await page.locator('[cam-widget-search] .dropdown-menu li', {hasText: 'Process Instance Business Key'}).first().click();
  await page.locator('[cam-widget-search-pill] .value-field input').fill(caseReference);
  await page.keyboard.press('Enter');
  await page.waitForURL(url => decodeURIComponent(url.hash).includes(`"value":"${caseReference}"`));

  // The filter's "Case" column (variable caseReference) must show which case the task belongs to.
  async function checkCaseColumn(item) {
    const shown = (await item.locator('[cam-tasklist-variables]').innerText()).includes(caseReference);
    assert.ok(shown, `the task card in "My agency's tasks" shows the column Case = ${caseReference}`);
  }

  /**
   * Reloads the list (the filter and the search stay in the address). A page whose scripts the browser refused
   * (a stored page with a stale script nonce, seen once in four runs before the pages were marked no-store) shows
   * only a spinner: that is printed and the page loaded once more, so a repeat would be visible in the log.
   */
  async function reloadList(itemLocator) {
    await page.reload();
    try {
      await itemLocator.first().waitFor({timeout: 30000});
    } catch (notShown) {
      console.log(`WARNING: the list did not show after a reload; the browser met: ${troubles.slice(-6).join(' | ')}`);
      await page.reload();
      await itemLocator.first().waitFor();
    }
  }

  /** Selects a tab of the task view ("Case", "Form", ...). */
  async function showTab(label) {
    const exactly = new RegExp(`^\\s*${label}\\s*$`);
    await page.locator('.task-details ul.nav-tabs li a', {hasText: exactly}).click();
    await page.locator('.task-details ul.nav-tabs li.active', {hasText: exactly}).waitFor();
  }

  /** Finds the task in the filtered list, opens it, reads its tab "Case" (checkFacts), claims it; answers the form. */
  async function openAndClaim(name, taskId, checkFacts) {
    step = `finding "${name}" of ${caseReference} in "My agency's tasks"`;
    const item = page.locator('[cam-tasks] li.task', {hasText: name});
    await reloadList(item);
    assert.equal(await page.locator('[cam-tasks] li.task').count(), 1,
      `only the one open task of ${caseReference} is listed`);
    assert.equal(await item.locator(`a[href^="#/?task=${taskId}"]`).count(), 1, `the listed "${name}" is task ${taskId}`);
    await checkCaseColumn(item);
    step = `opening "${name}"`;
    await item.locator('h4.task a').click();
    await page.locator('.task-details h2.task', {hasText: name}).waitFor();
    step = `reading the tab "Case" of "${name}"`;
    await showTab('Case');
    await page.locator('.task-details [data-plugin="pathway-case"] h3', {hasText: `Case ${caseReference}`}).waitFor();
    if (checkFacts) {
      await checkFacts(page.locator('.task-details [data-plugin="pathway-case"]'));
    }
    await showTab('Form');
    const form = page.locator('.task-details .fjs-form');
    await form.waitFor();
    assert.equal(await form.getByLabel('Case', {exact: true}).inputValue(), caseReference, `"${name}" shows the case reference`);
    step = `claiming "${name}"`;
    await page.locator('.task-details button.claim').click();
    await page.locator('.task-details button.claim').waitFor({state: 'detached'});
    await page.locator('.task-details [cam-tasklist-form] .disabled-form').waitFor({state: 'detached'});
    step = `finding the claimed "${name}" still in "My agency's tasks"`;
    await eventually(`the claimed "${name}" to stay in "My agency's tasks"`, async () =>
      (await page.locator('[cam-tasks] li.task', {hasText: name}).count()) === 1, 15000);
    return form;
  }

  /** form-js select: opens the dropdown and picks the option by its label. */
  async function choose(form, label, optionLabel) {
    const labelled = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\*?$`);
    const field = form.locator('.fjs-form-field-select', {has: page.locator('label', {hasText: labelled})});
    await field.locator('.fjs-select-display').click();
    await field.locator('.fjs-dropdownlist-item', {hasText: optionLabel}).first().click();
    await field.locator('.fjs-select-display', {hasText: optionLabel}).waitFor();
  }

  async function complete(name, taskId, screenshotName) {
    step = `completing "${name}"`;
    const button = page.locator('.task-details button[ng-click="complete()"]');
    await eventually(`the Complete button of "${name}" to be enabled (form valid and claimed)`, () => button.isEnabled(), 15000);
    await page.screenshot({path: `${screenshots}tasklist-${screenshotName}.png`, fullPage: true});
    await button.click();
    await taskGone(taskId, name);
  }

  // "Confirm or override the triage": the tab "Case" shows what the decision needs, read from our tables.
  const born = new Date(`${concern.person.dateOfBirth}T12:00:00Z`);
  const ukDateOfBirth = born.toLocaleDateString('en-GB', {timeZone: 'Europe/London'});
  const today = new Date();
  const age = today.getUTCFullYear() - born.getUTCFullYear() -
    ((today.getUTCMonth() < born.getUTCMonth() || (today.getUTCMonth() === born.getUTCMonth() && today.getUTCDate() < born.getUTCDate())) ? 1 : 0);
  let proposalInWords;
  async function checkTriageFacts(tab) {
    assert.equal((await page.locator('.task-details ul.nav-tabs li').first().innerText()).trim(), 'Case',
      'the tab "Case" is the first tab of the task');
    const fact = async name => (await tab.locator(`[data-fact="${name}"]`).innerText()).trim();
    assert.equal(await fact('name'), `${concern.person.givenName} ${concern.person.familyName}`, 'the Case tab names the person');
    assert.equal(await fact('age'), `${age} (born ${ukDateOfBirth}), a child`, 'the Case tab gives the age and the date of birth dd/mm/yyyy');
    assert.equal(await fact('categories'), 'Exploitation, Missing episodes', 'the categories are in words');
    assert.equal(await fact('immediateRisk'), 'No', 'the Case tab says whether there is an immediate risk');
    assert.equal(await fact('referrer'), `${concern.referrer.name} (Police)`, 'the referrer and the agency in words');
    const concerns = await tab.locator('[data-facts="concerns"]').innerText();
    assert.ok(concerns.includes(concern.description), 'the Case tab shows the concern\'s description');
    assert.match(await tab.locator('[data-facts="earlier-concerns"]').innerText(), /None: this is the first concern/,
      'the Case tab says there are no earlier concerns about this made-up person');
    proposalInWords = {
      risk: await fact('proposedRiskRating'), urgency: await fact('proposedUrgency'), meeting: await fact('proposedMeetingWithin')
    };
    assert.ok(['Red', 'Amber', 'Green'].includes(proposalInWords.risk), `the proposed risk rating is a word (${proposalInWords.risk})`);
    assert.ok(['Immediate', 'High', 'Standard'].includes(proposalInWords.urgency), `the proposed urgency is a word (${proposalInWords.urgency})`);
    assert.match(proposalInWords.meeting, /^within \d+ working days?$/, 'the proposed timescale is in working days');
    const shown = await tab.innerText();
    for (const code of ['EXPLOITATION', 'MISSING_EPISODES', 'P1D', 'P2D', 'P5D', 'P10D', 'P15D', 'GREEN', 'AMBER', 'RED', 'STANDARD', 'police']) {
      assert.ok(!new RegExp(`\\b${code}\\b`).test(shown), `the Case tab shows no code (${code})`);
    }
    await page.screenshot({path: `${screenshots}tasklist-case-tab.png`, fullPage: true});
    await assertAccessible(page, 'The Case tab', ['[data-plugin="pathway-case"]']);
  }
  let form = await openAndClaim('Confirm or override the triage', triageTask.id, checkTriageFacts);
  const expectedPriority = {Red: 80, Amber: 60, Green: 40}[proposalInWords.risk];
  assert.equal((await api(`/engine-rest/task/${triageTask.id}`)).body.priority, expectedPriority,
    `the triage task's priority follows the proposed risk rating (${proposalInWords.risk})`);
  await assertAccessible(page, 'The form "Confirm or override the triage"', ['.task-details .fjs-form']);
  step = 'reading the proposal in the form';
  const proposedInForm = {
    risk: (await form.locator('.fjs-form-field-select', {hasText: 'Proposed risk rating'}).innerText()),
    urgency: (await form.locator('.fjs-form-field-select', {hasText: 'Proposed urgency'}).innerText()),
    meeting: (await form.locator('.fjs-form-field-select', {hasText: 'Proposed meeting'}).innerText())
  };
  for (const [what, words] of Object.entries(proposalInWords)) {
    assert.ok(proposedInForm[what].includes(words), `the form's proposed ${what} reads "${words}" (form: ${proposedInForm[what]})`);
  }
  const reason = form.getByLabel('Why you changed the proposal', {exact: false});
  assert.equal(await reason.count(), 0, 'no reason is asked for while the decision is the proposal');
  step = 'overriding the proposed risk rating';
  const overridden = proposalInWords.risk === 'Amber' ? 'Green' : 'Amber';
  await choose(form, 'Risk rating', overridden);
  await reason.waitFor();
  step = 'completing the override without a reason';
  const button = page.locator('.task-details button[ng-click="complete()"]');
  await eventually('the Complete button to be enabled (claimed)', () => button.isEnabled(), 15000);
  await button.click();
  const reasonField = form.locator('.fjs-form-field', {has: page.getByLabel('Why you changed the proposal', {exact: false})});
  await reasonField.locator('.fjs-form-field-error', {hasText: /required/i}).waitFor();
  assert.ok(await reasonField.locator('.fjs-form-field-error').isVisible(), 'the missing reason is said next to its field');
  assert.equal((await api(`/engine-rest/task/${triageTask.id}`)).status, 200, 'without a reason the triage is not completed');
  const banner = page.locator('[notifications-panel] .alert[data-form-refusal]');
  assert.match(await banner.innerText(),
    /The form is not complete\.\s*Correct the fields marked in red, then press Complete again\./,
    'Tasklist\'s banner says what to do, not "An error happened while submitting the task form"');
  await reason.fill('The school reports she has not attended for three weeks: the rules do not know that.');
  await banner.waitFor({state: 'detached'});
  console.log(`Triage proposal ${JSON.stringify(proposalInWords)} overridden: risk rating ${overridden}, with a reason`);
  await complete('Confirm or override the triage', triageTask.id, 'confirm-triage');
  const decided = await api(`/engine-rest/process-instance/${triageTask.processInstanceId}/variables?deserializeValues=false`);
  assert.equal(decided.body.triageOverridden?.value, true, 'the case records the triage as overridden');
  assert.equal(decided.body.riskRating?.value, {Amber: 'AMBER', Green: 'GREEN'}[overridden], 'the case carries the rating the coordinator chose');

  // "Record consent": given, by whom, everything the partners need.
  step = 'waiting for "Record consent"';
  const consentTask = await waitForTask(caseId, 'Task_RecordConsent', 30000);
  form = await openAndClaim('Record consent', consentTask.id);
  step = 'filling "Record consent"';
  await form.getByLabel('Given', {exact: true}).check();
  await form.getByLabel('Who gave consent').fill('The parent, in person at the school on ' + new Date().toISOString().slice(0, 10));
  await choose(form, 'What the person agreed may be shared', 'Everything the partners need');
  await complete('Record consent', consentTask.id, 'record-consent');

  // "Review the information gathered": the partner sandbox replies a few seconds after each request.
  step = 'waiting for the partners\' replies ("Review the information gathered")';
  const reviewTask = await waitForTask(caseId, 'Task_ReviewGatheredInformation', partnerReplyTimeoutMs);
  form = await openAndClaim('Review the information gathered', reviewTask.id);
  step = 'filling "Review the information gathered"';
  const answers = await form.getByLabel('What the partners answered').inputValue();
  assert.ok(answers.trim().length > 0, 'the form shows what the partners answered');
  await form.getByLabel('Summary for the multi-agency meeting').fill(
    `Partners' answers read (${answers.trim().split('\n').length}). Missing three times this month; police, ` +
    'social care and school to attend the meeting.');
  await complete('Review the information gathered', reviewTask.id, 'review-gathered-information');

  // 5. The case is at the multi-agency meeting stage.
  step = 'checking the case is at the multi-agency meeting stage';
  const scheduleTask = await waitForTask(caseId, 'Task_ScheduleMeeting', 30000);
  assert.equal(scheduleTask.name, 'Schedule the multi-agency meeting');
  await reloadList(page.locator('[cam-tasks] li.task', {hasText: 'Schedule the multi-agency meeting'}));
  await page.screenshot({path: `${screenshots}tasklist-schedule-meeting.png`, fullPage: true});

  // 6. The tab "Case" of that task: the case's summary and its chronology, one dated list of what happened.
  step = 'reading the chronology in the tab "Case" of "Schedule the multi-agency meeting"';
  await page.locator('[cam-tasks] li.task', {hasText: 'Schedule the multi-agency meeting'}).locator('h4.task a').click();
  await page.locator('.task-details h2.task', {hasText: 'Schedule the multi-agency meeting'}).waitFor();
  await showTab('Case');
  const caseTab = page.locator('.task-details [data-plugin="pathway-case"]');
  const chronology = caseTab.locator('[data-chronology="entries"]');
  await chronology.waitFor({timeout: 30000});
  const rows = await chronology.locator('tbody tr').evaluateAll(trs => trs.map(tr =>
    Array.from(tr.querySelectorAll('td')).map(td => td.innerText.trim())));
  const whats = rows.map(([, what]) => what);
  assert.equal(whats[0], `Case ${caseReference} opened`, 'the chronology begins with the case opened');
  const at = what => whats.findIndex(w => w.startsWith(what));
  for (const what of ['Concern raised by Police', 'Triage overridden', 'Consent given', 'Information asked of', 'Reply from']) {
    assert.ok(at(what) >= 0, `the chronology shows "${what}" (it shows: ${whats.join(' | ')})`);
  }
  assert.ok(at('Concern raised by Police') < at('Triage overridden') && at('Triage overridden') < at('Consent given') &&
    at('Consent given') < at('Information asked of') && at('Information asked of') < at('Reply from'),
  `the chronology is in the order things happened: ${whats.join(' | ')}`);
  for (const [when] of rows) {
    assert.match(when, /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/, `every entry is dated dd/mm/yyyy hh:mm (${when})`);
  }
  assert.ok(rows[at('Triage overridden')][2].includes('The school reports she has not attended'),
    'the triage entry gives the coordinator\'s reason for the override');
  assert.equal((await caseTab.locator('[data-fact="status"]').innerText()).trim(), 'Open', 'the summary says the case is open');
  assert.ok((await caseTab.locator('[data-fact="caseRiskRating"]').innerText()).startsWith(overridden),
    `the summary gives the risk rating the coordinator chose (${overridden})`);
  const chronologyText = await chronology.innerText();
  // (the partners' replies are shown as their systems wrote them: the sandbox signs "Sandbox social-care records team")
  for (const code of ['EXPLOITATION', 'MISSING_EPISODES', 'P5D', 'P10D', 'GREEN', 'AMBER', 'RED', 'GIVEN', 'FULL', 'INFORMATION_REQUEST', 'IDENTITY_AND_CONCERN']) {
    assert.ok(!new RegExp(`\\b${code}\\b`).test(chronologyText), `the chronology shows no code (${code})`);
  }
  await caseTab.locator('#pathway-case-summary').evaluate(heading => heading.scrollIntoView({block: 'start'}));
  await page.screenshot({path: `${screenshots}tasklist-case-chronology.png`, fullPage: true});
  await assertAccessible(page, 'The Case tab with the chronology', ['[data-plugin="pathway-case"]']);
  console.log(`OK: the Case tab of ${caseReference} shows its chronology (${rows.length} entries)`);
  console.log(`OK: ${caseReference} raised over the API and taken to "Schedule the multi-agency meeting" in Tasklist ` +
    `in ${Math.round((Date.now() - started) / 1000)} s; screenshots ${screenshots}tasklist-*.png`);
} catch (error) {
  const failure = `${screenshots}tasklist-failure.png`;
  await page.screenshot({path: failure, fullPage: true}).catch(() => {});
  const alerts = await page.locator('.alert-danger:visible, .notifications .alert:visible').allInnerTexts().catch(() => []);
  throw new Error(`Tasklist journey failed while ${step} (case ${caseReference}): ${error.message.split('\n')[0]}` +
    (alerts.length ? `\nTasklist says: ${alerts.join(' | ').replace(/\s+/g, ' ')}` : '') +
    (troubles.length ? `\nThe browser met: ${troubles.slice(-15).join(' | ')}` : '') + `\nScreenshot: ${failure}`,
    {cause: error});
} finally {
  await browser.close();
}
