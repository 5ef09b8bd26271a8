// Browser test of issue 19, item 7: a police officer sees the due date of the demo's overdue police action in
// Tasklist, and the reminder e-mail for that action, with the same due date, arrives in the demo mailbox
// (/demo/mailbox, the demo's own mail server). The e-mail names the case by its reference and links to Tasklist,
// and shows nothing about the person. Another user's mailbox does not list the police officer's e-mails.
import {chromium} from 'playwright-core';
import assert from 'node:assert/strict';
import {mkdirSync} from 'node:fs';
import {assertAccessible} from './accessibility.js';
import {signIn} from './sign-in.js';

const baseUrl = process.env.APP_URL;
const password = process.env.PATHWAYS_DEMO_PASSWORD;
const officer = 'police.officer';
const screenshots = new URL('./screenshots/', import.meta.url).pathname;
if (!baseUrl || !password) {
  throw new Error('APP_URL and PATHWAYS_DEMO_PASSWORD must be set (run.sh sets them)');
}
const basic = user => 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');

async function get(path, user = officer) {
  const response = await fetch(`${baseUrl}${path}`, {headers: user ? {Authorization: basic(user), Accept: 'application/json'} : {}});
  const text = await response.text();
  return {status: response.status, text, json: () => JSON.parse(text)};
}

const ukDay = iso => iso.split('-').reverse().join('/');

// The demo's police action that was reminded, then escalated (demo.DemoCases: back-dated, its timers made due).
const actions = await get('/api/actions?status=OPEN&overdue=true');
assert.equal(actions.status, 200, `GET /api/actions as ${officer}: ${actions.text}`);
const action = actions.json().find(a => a.owningAgency === 'police' && a.escalationLevel >= 1);
assert.ok(action, `the demo has an overdue police action: ${actions.text}`);
const dueDay = ukDay(action.dueDate);
const tasks = await get(`/engine-rest/task?processVariables=caseId_eq_${action.caseId}&taskDefinitionKey=Task_CompleteAction`);
assert.equal(tasks.status, 200, tasks.text);
const task = tasks.json()[0];
assert.ok(task, `${officer} sees the task of the action`);
assert.equal(task.due.slice(0, 10), action.dueDate, `the task is due on the action's day (${task.due})`);
const variables = (await get(`/engine-rest/task/${task.id}/form-variables?variableNames=caseReference`)).json();
const reference = variables.caseReference.value;
console.log(`Police action of ${reference}: due ${dueDay}`);

mkdirSync(screenshots, {recursive: true});
const browser = await chromium.launch({executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true});
let step = 'signing in to Tasklist';
const page = await browser.newPage({viewport: {width: 1400, height: 1000}});
page.setDefaultTimeout(60000);
try {
  // 1. Tasklist: the action's form shows the same due day.
  await signIn(page, baseUrl, 'tasklist', officer, password);
  await page.locator('.task-filter').first().waitFor({timeout: 90000});
  step = `opening the task "Complete the action" of ${reference}`;
  await page.goto(`${baseUrl}/camunda/app/tasklist/default/#/?task=${task.id}`);
  await page.locator('.task-details ul.nav-tabs li a', {hasText: /^\s*Form\s*$/}).click();
  await page.locator('[cam-tasklist-form] .fjs-form').first().waitFor();
  const formText = await page.locator('[cam-tasklist-form]').first().evaluate(form =>
    [...form.querySelectorAll('input, textarea')].map(input => input.value).join(' | ') + ' | ' + form.innerText);
  assert.ok(formText.includes(dueDay), `the action's form shows the due day ${dueDay} (${formText.slice(0, 300)})`);
  // Issue 19: Risk is a coloured label on every task of a case, action tasks included, whose priority follows it.
  const card = page.locator('li.task', {has: page.locator(`a[href^="#/?task=${task.id}"]`)});
  await card.waitFor();
  const risk = await card.locator('.variable-item', {has: page.locator('.variable-label', {hasText: 'Risk:'})})
    .locator('.variable-value').evaluate(value => ({text: value.textContent.trim(), background: getComputedStyle(value).backgroundColor}));
  assert.match(risk.text, /^(Red|Amber|Green)$/, `the action's card shows its case's risk in words (${risk.text})`);
  assert.notEqual(risk.background, 'rgba(0, 0, 0, 0)', 'the action\'s Risk is a coloured label');
  assert.equal(task.priority, {Red: 80, Amber: 60, Green: 40}[risk.text], `the action task's priority follows the risk (${task.priority})`);
  assert.ok(!/ENGINE-\d{5}|\bP(T\d+[HMS]|\d+[DWMY])\b/.test(formText), 'the action\'s form shows no engine code or ISO duration');
  assert.equal(await page.locator('.ce-eol-banner').isVisible(), false, 'no "migrate to Camunda 8" banner');
  await page.screenshot({path: `${screenshots}police-action-form.png`});

  // 2. The demo mailbox, signed in as the police officer: the reminder e-mail with the same due day.
  step = 'reading the demo mailbox';
  const mailbox = await browser.newContext({viewport: {width: 1100, height: 900},
    httpCredentials: {username: officer, password}});
  const inbox = await mailbox.newPage();
  const reminder = `${reference}: reminder, an action for Police is due on ${dueDay}`;
  const deadline = Date.now() + 60000;
  for (;;) {
    await inbox.goto(`${baseUrl}/demo/mailbox`);
    if ((await inbox.locator('article h2', {hasText: reminder}).count()) === 1) break;
    if (Date.now() > deadline) {
      throw new Error(`no e-mail "${reminder}" in ${officer}'s mailbox: ${(await inbox.locator('main').innerText()).slice(0, 600)}`);
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
  const mail = await inbox.locator('article', {hasText: reminder}).innerText();
  assert.match(mail, /to police\.officer@police\.example/, 'sent to the police officer\'s address');
  assert.match(mail, /Open your tasks in Tasklist: http\S+\/camunda\/app\/tasklist\//, 'the e-mail links to Tasklist');
  assert.match(mail, /Sent \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/, 'the sending time in UK form');
  const everything = await inbox.locator('main').innerText();
  for (const personal of ['Leah', 'Morgan', '9990001251', '999 000 1251', '08/02/1994', '1994-02-08', 'Example Street', 'controlling behaviour']) {
    assert.ok(!everything.includes(personal), `no e-mail shows "${personal}"`);
  }
  assert.match(everything, new RegExp(`${reference}: a new action for Police`), 'the action\'s assignment was e-mailed too');
  await assertAccessible(inbox, 'the demo mailbox', ['main']);
  await inbox.screenshot({path: `${screenshots}demo-mailbox.png`, fullPage: false});

  // 3. Nobody else reads the police officer's e-mails; nobody unsigned reads any.
  step = 'checking other users\' mailboxes';
  const coordinatorBox = await get('/demo/mailbox', 'coordinator');
  assert.equal(coordinatorBox.status, 200);
  assert.ok(!coordinatorBox.text.includes('police.officer@police.example'), 'the coordinator does not see the police officer\'s e-mails');
  assert.equal((await get('/demo/mailbox', null)).status, 401, 'the mailbox asks who is signing in');
  console.log(`OK: ${officer} sees the action due ${dueDay}; the reminder e-mail of ${reference} is in the demo mailbox`);
} catch (error) {
  await page.screenshot({path: `${screenshots}demo-mailbox-failure.png`, fullPage: true}).catch(() => {});
  console.error(`FAILED while ${step}`);
  throw error;
} finally {
  await browser.close();
}
