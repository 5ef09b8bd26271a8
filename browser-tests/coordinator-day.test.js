// Browser test of issue 19's coordinator's day on the demo case PP-2026-000001 (waiting for triage): the coordinator
// finds the case with "Find a case" (by reference, name and NHS number) and opens its summary and chronology, triages
// it from what the task's tab "Case" shows, overrides the proposed risk rating with a reason, and reads the override
// in the chronology. A police officer is not offered "Find a case". Tasklist and Admin refuse a user who may not
// use them with a sentence saying who may. No screen visited shows an engine code, an ISO duration or the
// "migrate to Camunda 8" banner. Screenshots under docs/screenshots.
import {chromium} from 'playwright-core';
import assert from 'node:assert/strict';
import {mkdirSync} from 'node:fs';
import {assertAccessible} from './accessibility.js';
import {signIn} from './sign-in.js';

const baseUrl = process.env.APP_URL;
const password = process.env.PATHWAYS_DEMO_PASSWORD;
const reference = process.env.TRIAGE_CASE || 'PP-2026-000001';
const docs = new URL('../docs/screenshots/', import.meta.url).pathname;
if (!baseUrl || !password) {
  throw new Error('APP_URL and PATHWAYS_DEMO_PASSWORD must be set (run.sh sets them)');
}
const reason = 'He told the hub today he has found a room with his brother: the rules do not know that.';

async function api(user, path) {
  const response = await fetch(`${baseUrl}${path}`, {
    headers: {Authorization: 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64'), Accept: 'application/json'}
  });
  return {status: response.status, body: await response.json().catch(() => null)};
}

/** What a person must never read on a screen: an engine code, an ISO 8601 duration, Camunda's banner. */
async function assertPlainScreen(page, screen) {
  const text = await page.locator('body').innerText();
  assert.ok(!/ENGINE-\d{5}/.test(text), `${screen} shows no engine code`);
  assert.ok(!/\bP(T\d+[HMS]|\d+[DWMY])\b/.test(text), `${screen} shows no ISO duration`);
  const banner = page.locator('.ce-eol-banner');
  assert.ok((await banner.count()) === 0 || !(await banner.first().isVisible()), `${screen} shows no "migrate to Camunda 8" banner`);
}


const found = await api('coordinator', `/api/cases?query=${reference}`);
assert.equal(found.status, 200, `GET /api/cases?query=${reference}`);
const demoCase = found.body.cases[0];
assert.equal(demoCase?.reference, reference, `the demo case ${reference} exists`);

mkdirSync(docs, {recursive: true});
const browser = await chromium.launch({executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true});
const page = await browser.newPage({viewport: {width: 1400, height: 1200}});
page.setDefaultTimeout(60000);
let step = 'signing in to Tasklist as the coordinator';
try {
  await signIn(page, baseUrl, 'tasklist', 'coordinator', password);
  await page.locator('.task-filter').first().waitFor({timeout: 90000});
  await assertPlainScreen(page, 'Tasklist\'s task list');

  // 1. "Find a case": by reference, by name, by NHS number; the summary and the chronology of the case found.
  step = 'finding the case with "Find a case"';
  const findCase = page.locator('[data-plugin-link="pathway-case-search"]');
  await findCase.click();
  const dialog = page.locator('[data-plugin="pathway-case-search"]');
  const search = async query => {
    await dialog.getByLabel('Case reference, name or NHS number').fill(query);
    await dialog.getByRole('button', {name: 'Search'}).click();
    await dialog.locator('[data-search="message"], [data-error]').first().waitFor();
  };
  await search('');
  assert.match(await dialog.locator('[data-error="400"]').innerText(), /^Give a case reference \(PP-2026-000001\), a name or an NHS number/,
    'an empty search is answered with a sentence');
  await search(demoCase.nhsNumber);
  assert.match(await dialog.locator('[data-search="message"]').innerText(), /1 case has this NHS number\./);
  await search(demoCase.name.split(' ').pop().toLowerCase());
  assert.ok(await dialog.locator(`[data-found="${reference}"]`).count() === 1, `the name finds ${reference}`);
  await search(reference.toLowerCase());
  const row = dialog.locator(`[data-found="${reference}"]`);
  const cells = await row.locator('td').allInnerTexts();
  assert.equal(cells[1], demoCase.name, 'the person is named');
  assert.match(cells[2], /^\d{2}\/\d{2}\/\d{4}$/, `the date of birth is dd/mm/yyyy (${cells[2]})`);
  assert.match(cells[4], /^[A-Z][a-z]/, `the status is in words (${cells[4]})`);
  assert.match(cells[6], /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/, `the case's opening is dd/mm/yyyy hh:mm (${cells[6]})`);
  await assertAccessible(page, 'The dialog "Find a case"', ['[data-plugin="pathway-case-search"]']);
  await row.locator('[data-open-case]').click();
  const entries = dialog.locator('[data-chronology="entries"] tbody tr');
  await entries.first().waitFor();
  assert.equal((await dialog.locator('[data-fact="status"]').innerText()).trim(), 'Open', 'the summary says the case is open');
  assert.equal((await entries.first().locator('td').nth(1).innerText()).trim(), `Case ${reference} opened`);
  await assertPlainScreen(page, 'The case found with "Find a case"');
  await page.screenshot({path: `${docs}tasklist-find-a-case.png`});
  const accessLog = await api('manager', `/api/cases/${demoCase.caseId}/access-log`);
  assert.equal(accessLog.status, 200, 'the managers read the access log');
  assert.ok(JSON.stringify(accessLog.body).includes('coordinator'), 'the coordinator\'s reads are in the access log');
  await dialog.getByRole('button', {name: 'Close "Find a case"'}).click();

  // 2. Triage the case from what the tab "Case" shows; override the proposed risk rating with a reason.
  step = `opening "Confirm or override the triage" of ${reference}`;
  const tasks = await api('coordinator', `/engine-rest/task?processInstanceBusinessKey=${reference}&taskDefinitionKey=Task_ConfirmTriage`);
  assert.equal(tasks.body?.length, 1, `${reference} waits for its triage`);
  const task = tasks.body[0];
  await page.goto(`${baseUrl}/camunda/app/tasklist/default/#/?task=${task.id}`);
  await page.locator('.task-details h2.task', {hasText: 'Confirm or override the triage'}).waitFor();
  const caseTab = page.locator('.task-details [data-plugin="pathway-case"]');
  await caseTab.locator('[data-fact="name"]').waitFor();
  assert.equal((await caseTab.locator('[data-fact="name"]').innerText()).trim(), demoCase.name, 'the tab "Case" names the person');
  for (const fact of ['age', 'categories', 'immediateRisk', 'referrer', 'proposedRiskRating', 'proposedUrgency', 'proposedMeetingWithin']) {
    assert.ok((await caseTab.locator(`[data-fact="${fact}"]`).innerText()).trim().length > 0, `the tab "Case" shows ${fact}`);
  }
  assert.ok((await caseTab.locator('[data-facts="concerns"]').innerText()).includes('self-harm'), 'the concern\'s description is shown');
  const proposed = (await caseTab.locator('[data-fact="proposedRiskRating"]').innerText()).trim();
  assert.match(await caseTab.locator('[data-fact="proposedMeetingWithin"]').innerText(), /^within \d+ working days?$/);
  await assertPlainScreen(page, 'The tab "Case" of the triage');
  await page.locator('.task-details ul.nav-tabs li a', {hasText: /^\s*Form\s*$/}).click();
  const form = page.locator('.task-details .fjs-form');
  await form.waitFor();
  step = 'claiming and overriding the triage';
  await page.locator('.task-details button.claim').click();
  await page.locator('.task-details [cam-tasklist-form] .disabled-form').waitFor({state: 'detached'});
  const overridden = proposed === 'Red' ? 'Amber' : 'Red';
  const riskField = form.locator('.fjs-form-field-select', {has: page.locator('label', {hasText: /^Risk rating\*?$/})});
  assert.equal(await riskField.locator('input.fjs-select-hidden-input').getAttribute('aria-required'), 'true',
    'a required select is announced as required (form-js marks it only with an asterisk hidden from screen readers)');
  await riskField.locator('.fjs-select-display').click();
  await riskField.locator('.fjs-dropdownlist-item', {hasText: overridden}).first().click();
  const why = form.getByLabel('Why you changed the proposal', {exact: false});
  await why.waitFor();
  await why.fill(reason);
  await assertPlainScreen(page, 'The form "Confirm or override the triage"');
  await page.screenshot({path: `${docs}tasklist-triage-override.png`, fullPage: true});
  const complete = page.locator('.task-details button[ng-click="complete()"]');
  await complete.click();
  for (let tries = 0; (await api('coordinator', `/engine-rest/task/${task.id}`)).status !== 404; tries++) {
    assert.ok(tries < 30, 'the triage is completed');
    await new Promise(resolve => setTimeout(resolve, 1000));
  }

  // 3. The chronology records the override and its reason.
  step = 'reading the override in the chronology';
  await page.goto(`${baseUrl}/camunda/app/tasklist/default/#/`);
  await findCase.click();
  await search(reference);
  await dialog.locator(`[data-found="${reference}"] [data-open-case]`).click();
  const override = dialog.locator('[data-chronology="entries"] tbody tr', {hasText: 'Triage overridden'});
  await override.waitFor();
  assert.ok((await override.innerText()).includes(reason), 'the chronology gives the coordinator\'s reason');
  assert.ok((await dialog.locator('[data-fact="caseRiskRating"]').innerText()).startsWith(overridden),
    `the summary gives the rating the coordinator chose (${overridden})`);
  await override.scrollIntoViewIfNeeded();
  await page.screenshot({path: `${docs}tasklist-triage-in-the-chronology.png`});
  console.log(`OK: ${reference} found by reference, name and NHS number, triaged (${proposed} overridden to ${overridden}, with a reason), override in the chronology`);

  // 4. A police officer is not offered "Find a case"; the API refuses the search in words.
  step = 'signing in as the police officer';
  const police = await browser.newPage({viewport: {width: 1400, height: 900}});
  await signIn(police, baseUrl, 'tasklist', 'police.officer', password);
  await police.locator('.task-filter').first().waitFor({timeout: 90000});
  await police.waitForLoadState('networkidle');
  assert.equal(await police.locator('[data-plugin-link="pathway-case-search"]').count(), 0, 'the police officer is not offered "Find a case"');
  assert.equal((await api('police.officer', `/api/cases?query=${reference}`)).status, 403);
  await assertPlainScreen(police, 'Tasklist of the police officer');

  // 5. Sign-in refusals in words: a process owner in Tasklist, a police officer in Admin.
  for (const [app, user, sentence, linked] of [
    ['tasklist', 'process.owner', /Tasklist is for coordinators, agency staff/, 'cockpit'],
    ['admin', 'police.officer', /Admin is for administrators/, 'tasklist']]) {
    step = `signing in to ${app} as ${user}`;
    const refused = await browser.newPage({viewport: {width: 1280, height: 700}});
    await signIn(refused, baseUrl, app, user, password);
    const message = refused.locator(`[notifications-panel] .message[data-sign-in-refusal="${app}"]`);
    await message.waitFor({timeout: 30000});
    const text = await message.innerText();
    assert.match(text, sentence, `${app} says who may use it: ${text}`);
    assert.ok(!text.includes('Wrong credentials'), `no Camunda wording left: ${text}`);
    assert.equal(await message.locator(`a[href="/camunda/app/${linked}/"]`).count(), 1, `the refusal links to ${linked}`);
    await assertPlainScreen(refused, `The sign-in page of ${app}`);
    await refused.screenshot({path: `${docs}${app}-refusal.png`});
    console.log(`OK: ${app} refuses ${user} with: ${text}`);
  }
} catch (error) {
  await page.screenshot({path: `${docs}../../browser-tests/screenshots/coordinator-day-failure.png`, fullPage: true}).catch(() => {});
  throw new Error(`Coordinator's day failed while ${step}: ${error.message.split('\n')[0]}`, {cause: error});
} finally {
  await browser.close();
}
