// Browser test of issue 16's two partnerships on one deployment (the demo: Northshire and Southvale). Southvale's
// coordinator opens "My agency's tasks" in Tasklist and sees Southvale's one case, waiting for triage, and none of
// Northshire's; Northshire's coordinator does not see Southvale's case in Tasklist, in "Find a case" or through the
// API, and Southvale's manager finds only Southvale's case. Screenshot docs/screenshots/tasklist-second-partnership.png.
import {chromium} from 'playwright-core';
import assert from 'node:assert/strict';
import {mkdirSync} from 'node:fs';
import {signIn} from './sign-in.js';

const baseUrl = process.env.APP_URL;
const password = process.env.PATHWAYS_DEMO_PASSWORD;
const docs = new URL('../docs/screenshots/', import.meta.url).pathname;
if (!baseUrl || !password) {
  throw new Error('APP_URL and PATHWAYS_DEMO_PASSWORD must be set (run.sh sets them)');
}

async function api(user, path) {
  const response = await fetch(`${baseUrl}${path}`, {
    headers: {Authorization: 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64'), Accept: 'application/json'}
  });
  return {status: response.status, body: await response.json().catch(() => null)};
}

// The demo's Southvale case (demo.DemoCases: Robin Hale) and a Northshire one (Jordan Ellis, waiting for triage).
const south = await api('south.coordinator', '/api/cases?query=Hale');
assert.equal(south.status, 200, 'Southvale\'s coordinator may search');
assert.equal(south.body.cases.length, 1, 'Southvale\'s coordinator finds Southvale\'s case');
const southCase = south.body.cases[0];
assert.equal((await api('south.coordinator', '/api/cases?query=Ellis')).body.cases.length, 0,
  'Southvale\'s coordinator does not find Northshire\'s case');
assert.equal((await api('coordinator', '/api/cases?query=Hale')).body.cases.length, 0,
  'Northshire\'s coordinator does not find Southvale\'s case');
const north = await api('coordinator', '/api/cases?query=Ellis');
const northCase = north.body.cases[0];
assert.ok(northCase, 'Northshire\'s coordinator finds Northshire\'s case');
assert.equal((await api('coordinator', `/api/cases/${southCase.caseId}`)).status, 404,
  'Southvale\'s case is unknown to Northshire\'s coordinator');
assert.equal((await api('south.manager', `/api/cases/${northCase.caseId}`)).status, 404,
  'Northshire\'s case is unknown to Southvale\'s manager');
assert.equal((await api('south.manager', `/api/cases/${southCase.caseId}`)).status, 200,
  'Southvale\'s manager reads Southvale\'s case');

mkdirSync(docs, {recursive: true});
const browser = await chromium.launch({executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true});
const page = await browser.newPage({viewport: {width: 1400, height: 1000}});
page.setDefaultTimeout(60000);
let step = 'signing in to Tasklist as Southvale\'s coordinator';
try {
  async function agencyTasks(user) {
    await signIn(page, baseUrl, 'tasklist', user, password);
    const filter = page.locator('.task-filter', {hasText: "My agency's tasks"});
    await filter.waitFor({timeout: 90000});
    await filter.click();
    await page.locator('.task-filter.active', {hasText: "My agency's tasks"}).waitFor();
    await page.locator('[cam-tasks] li.task').first().waitFor();
    await page.waitForLoadState('networkidle');
    return page.locator('[cam-tasks]').innerText();
  }

  const southTasks = await agencyTasks('south.coordinator');
  step = 'reading Southvale\'s coordinator\'s tasks';
  assert.equal(await page.locator('[cam-tasks] li.task').count(), 1, 'Southvale\'s coordinator has one task');
  assert.ok(southTasks.includes(southCase.reference), `the task is Southvale's case ${southCase.reference}`);
  assert.ok(!southTasks.includes(northCase.reference), 'no Northshire case in Southvale\'s list');
  await page.screenshot({path: `${docs}tasklist-second-partnership.png`, fullPage: true});

  step = 'signing out';
  await page.context().clearCookies();
  step = 'reading Northshire\'s coordinator\'s tasks';
  const northTasks = await agencyTasks('coordinator');
  assert.ok(northTasks.includes(northCase.reference), `Northshire's list shows ${northCase.reference}`);
  assert.ok(!northTasks.includes(southCase.reference), `Northshire's list does not show ${southCase.reference}`);
  console.log(`partnerships: Southvale's coordinator sees ${southCase.reference} only; Northshire's does not see it`);
} catch (error) {
  await page.screenshot({path: '/tmp/partnerships-failure.png', fullPage: true}).catch(() => {});
  console.error(`partnerships.test.js failed while ${step}`);
  throw error;
} finally {
  await browser.close();
}
