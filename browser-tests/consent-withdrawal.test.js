// Browser test of issue 14's demo: a withdrawal of consent recorded as the README says (Tasklist, "Start process",
// "Withdrawal of consent") on the demo case that shared with police and health; both partners acknowledge it, and
// the partner sandbox's page lists the CONSENT_WITHDRAWAL each received, under the reference our record of the
// withdrawal shows as its acknowledgement (health's as the FHIR reference Consent/<id>). Saves screenshots of the start form and of the sandbox page.
import {chromium} from 'playwright-core';
import assert from 'node:assert/strict';
import {mkdirSync} from 'node:fs';
import {signIn} from './sign-in.js';

const baseUrl = process.env.APP_URL;
const sandboxUrl = process.env.SANDBOX_URL;
const password = process.env.PATHWAYS_DEMO_PASSWORD;
const coordinator = 'coordinator';
const screenshots = new URL('./screenshots/', import.meta.url).pathname;
if (!baseUrl || !sandboxUrl || !password) {
  throw new Error('APP_URL, SANDBOX_URL and PATHWAYS_DEMO_PASSWORD must be set (run.sh sets them)');
}
const basic = user => 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');

async function get(path, user = coordinator) {
  const response = await fetch(`${baseUrl}${path}`, {headers: {Authorization: basic(user), Accept: 'application/json'}});
  const text = await response.text();
  assert.equal(response.status, 200, `GET ${path} as ${user}: ${text}`);
  return JSON.parse(text);
}

// The demo case with an action plan (demo.DemoCases: Leah Morgan, consent given, police and health asked).
const found = (await get('/api/cases?query=Morgan')).cases.filter(match => /Leah/.test(match.name));
assert.equal(found.length, 1, `one demo case of Leah Morgan: ${JSON.stringify(found)}`);
const caseId = found[0].caseId;
const reference = found[0].reference;
const disclosedTo = new Set((await get(`/api/cases/${caseId}/disclosures`, 'manager')).map(d => d.agency));
assert.ok(disclosedTo.has('police') && disclosedTo.has('health'),
  `the demo case ${reference} shared with police and health (${[...disclosedTo].join(', ')})`);
assert.equal((await get(`/api/cases/${caseId}/consent-withdrawals`)).length, 0, 'no withdrawal yet');

mkdirSync(screenshots, {recursive: true});
const browser = await chromium.launch({executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true});
const page = await browser.newPage({viewport: {width: 1400, height: 900}, timezoneId: 'Europe/London'});
page.setDefaultTimeout(60000);
let step = 'signing in to Tasklist';
try {
  await page.goto(`${baseUrl}/camunda/app/tasklist/default/#/login`);
  // Tasklist's first load can be slow on a busy machine
  await page.locator('form[name="signinForm"] input[ng-model="username"]').waitFor({timeout: 180000});
  await page.fill('form[name="signinForm"] input[ng-model="username"]', coordinator);
  await page.fill('form[name="signinForm"] input[type="password"]', password);
  await page.click('form[name="signinForm"] button[type="submit"]');

  step = 'opening "Start process", "Withdrawal of consent"';
  await page.locator('.start-process-action a, a:has-text("Start process")').first().click();
  await page.locator('.modal-content ul.processes a', {hasText: 'Withdrawal of consent'}).click();
  const form = page.locator('.modal-content .fjs-form');
  await form.waitFor();

  step = 'filling the form as the README says';
  await form.getByLabel('Case reference').fill(reference);
  await form.getByLabel('Who withdrew consent', {exact: false}).fill('Leah, by phone to the hub');
  await form.getByLabel('Notes', {exact: false}).fill('Does not want the GP told more');
  await page.screenshot({path: `${screenshots}consent-withdrawal-start-form.png`});
  step = 'starting';
  await page.locator('.modal-footer button.btn-primary', {hasText: 'Start'}).click();
  await page.locator('.modal-content .fjs-form').waitFor({state: 'detached'});
  assert.match(await page.locator('[data-raised-concern] span').innerText(), /^Withdrawal of consent recorded\./,
    'Tasklist says what was recorded, not that a concern was');

  step = 'waiting for the partners\' acknowledgements';
  let notices = [];
  for (let attempt = 0; attempt < 60; attempt++) {
    const withdrawals = await get(`/api/cases/${caseId}/consent-withdrawals`);
    notices = withdrawals.length === 1 ? withdrawals[0].notices : [];
    if (notices.length > 0 && notices.every(notice => notice.status === 'ACKNOWLEDGED')) {
      break;
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  const acknowledged = Object.fromEntries(notices.filter(notice => notice.status === 'ACKNOWLEDGED')
    .map(notice => [notice.agency, notice.partnerReference]));
  assert.ok(acknowledged.police && acknowledged.health,
    `police and health acknowledged the withdrawal: ${JSON.stringify(notices)}`);

  step = 'reading the partner sandbox page';
  const sandbox = await browser.newContext({httpCredentials: {username: 'sandbox', password},
    viewport: {width: 1400, height: 1000}});
  const listing = await sandbox.newPage();
  await listing.goto(`${sandboxUrl}/sandbox/`);
  for (const agency of ['police', 'health']) {
    const row = listing.locator(`h2:has-text("${agency} (") + table tr`, {hasText: 'CONSENT_WITHDRAWAL'})
      .filter({hasText: reference});
    assert.equal(await row.count(), 1, `the sandbox lists one withdrawal notice for ${agency} about ${reference}`);
    const cells = await row.locator('td').allInnerTexts();
    // the health system's acknowledgement is the FHIR reference of the Consent it made
    assert.equal((agency === 'health' ? 'Consent/' : '') + cells[1], acknowledged[agency],
      `${agency}'s system keeps the notice under the reference we record as its acknowledgement`);
  }
  await listing.locator('h2', {hasText: 'health ('}).scrollIntoViewIfNeeded();
  await listing.screenshot({path: `${screenshots}sandbox-consent-withdrawal.png`, fullPage: true});
  await sandbox.close();

  step = 'opening the Caldicott guardian\'s decision after the withdrawal';
  const decisions = await get('/engine-rest/task?taskDefinitionKey=Task_DecideSharingWithoutConsentAfterWithdrawal'
    + `&processVariables=caseReference_eq_${reference}`, 'manager');
  assert.equal(decisions.length, 1, `one guardian's decision waits for ${reference}: ${JSON.stringify(decisions)}`);
  const guardian = await browser.newPage({viewport: {width: 1400, height: 1100}, timezoneId: 'Europe/London'});
  guardian.setDefaultTimeout(60000);
  try {
    await signIn(guardian, baseUrl, 'tasklist', 'manager', password);
    // signed in once Tasklist shows its filters; a task opened before that lands on the sign-in page
    await guardian.locator('.task-filter').first().waitFor({timeout: 90000});
    await guardian.goto(`${baseUrl}/camunda/app/tasklist/default/#/?task=${decisions[0].id}`);
    await guardian.locator('.task-details h2.task', {hasText: 'Caldicott guardian'}).waitFor({timeout: 90000});
    await guardian.locator('.task-details ul.nav-tabs li a', {hasText: /^\s*Form\s*$/}).click();
  } catch (error) {
    await guardian.screenshot({path: `${screenshots}guardian-decision-failure.png`}).catch(() => {});
    throw error;
  }
  const decisionForm = guardian.locator('.task-details .fjs-form');
  await decisionForm.waitFor();
  await guardian.waitForLoadState('networkidle');
  const shown = await decisionForm.innerText();
  assert.match(shown, /Withdrawn by the person after it was given/, 'the consent outcome in words');
  assert.doesNotMatch(shown, /\bWITHDRAWN\b|\bNONE\b|IDENTITY_/, 'no code on the guardian\'s form');
  await guardian.screenshot({path: `${screenshots}guardian-decision-after-withdrawal.png`, fullPage: true});
  await guardian.close();
  console.log(`OK: withdrawal of consent on ${reference} recorded in Tasklist; police (${acknowledged.police}) and`
    + ` health (${acknowledged.health}) acknowledged it, as the partner sandbox lists; the Caldicott guardian's`
    + ' decision shows the consent outcome in words');
} catch (error) {
  await page.screenshot({path: `${screenshots}consent-withdrawal-failure.png`}).catch(() => {});
  throw new Error(`Consent withdrawal test failed while ${step}: ${error.message.split('\n')[0]}\nScreenshot: ${screenshots}consent-withdrawal-failure.png`, {cause: error});
} finally {
  await browser.close();
}
