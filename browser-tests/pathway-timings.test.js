// Browser test of the Cockpit plugin "Pathway timings" against a running application (started by run.sh).
// Signs in to Cockpit as the demo manager, opens the plugin from its menu entry, reads every figure it shows
// and checks that they equal what GET /api/timings answers for the same period; saves a screenshot.
import {chromium} from 'playwright-core';
import assert from 'node:assert/strict';
import {mkdirSync} from 'node:fs';
import {assertAccessible} from './accessibility.js';
import {signIn} from './sign-in.js';

const baseUrl = process.env.APP_URL;
const password = process.env.PATHWAYS_DEMO_PASSWORD;
const user = process.env.MANAGER_USER || 'manager';
const screenshot = new URL('./screenshots/pathway-timings.png', import.meta.url).pathname;
if (!baseUrl || !password) {
  throw new Error('APP_URL and PATHWAYS_DEMO_PASSWORD must be set (run.sh sets them)');
}

const shown = value => (value === null || value === undefined ? '–' : String(value));

async function restReport(from, to) {
  const response = await fetch(`${baseUrl}/api/timings?from=${from}&to=${to}`, {
    headers: {Authorization: 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64')}
  });
  assert.equal(response.status, 200, 'GET /api/timings as the manager');
  return response.json();
}

function expectedFigures(report) {
  const figures = {'cases:pastTarget': String(report.casesPastTarget)};
  for (const s of report.stages) {
    for (const name of ['inProgress', 'pastTarget', 'completed', 'medianWorkingDays', 'p90WorkingDays']) {
      figures[`stage:${s.stage}:${name}`] = shown(s[name]);
    }
  }
  for (const a of report.overdueActions) {
    for (const name of ['overdue', 'escalatedToAgencyManagers', 'escalatedToPathwayManagers']) {
      figures[`agency:${a.agency}:${name}`] = shown(a[name]);
    }
  }
  for (const w of report.trend) {
    for (const name of ['casesStarted', 'casesClosed', 'medianCaseWorkingDays']) {
      figures[`week:${w.week}:${name}`] = shown(w[name]);
    }
  }
  return figures;
}

const browser = await chromium.launch({executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true});
try {
  const page = await browser.newPage({viewport: {width: 1280, height: 1400}});
  page.setDefaultTimeout(90000);
  await signIn(page, baseUrl, 'cockpit', user, password);

  // The menu entry appears only for pathway managers.
  const link = page.locator('[data-plugin-link="pathway-timings"]');
  await link.waitFor({timeout: 90000});
  assert.equal(await page.locator('.ce-eol-banner').isVisible(), false, 'Cockpit shows no "migrate to Camunda 8" banner');
  await link.click();
  await page.locator('[data-table="stage"]').waitFor({timeout: 90000});

  const period = await page.locator('[data-period]').getAttribute('data-period');
  const [from, to] = period.split('/');
  const onPage = await page.$$eval('[data-figure]', nodes =>
    Object.fromEntries(nodes.map(node => [node.getAttribute('data-figure'), node.textContent.trim()])));
  const expected = expectedFigures(await restReport(from, to));

  for (const [key, value] of Object.entries(expected)) {
    assert.equal(onPage[key], value, `figure ${key} on the Cockpit page equals GET /api/timings`);
  }
  assert.ok(Object.keys(expected).length >= 6 * 5 + 4 * 3 + 12 * 3, 'six stages, four agencies, twelve weeks');
  assert.equal(await page.locator('svg[data-chart="trend"] rect').count() >= 24, true, 'trend chart drawn');
  const csvHref = await page.locator('[data-csv="stages"]').getAttribute('href');
  const csv = await page.evaluate(async href => (await fetch(href, {credentials: 'same-origin'})).text(), csvHref);
  assert.match(csv, /^Stage,In progress,Past target,Completed,Median \(working days\),90th percentile \(working days\)\r\n/);
  const trendCsvHref = await page.locator('[data-csv="trend"]').getAttribute('href');
  const trendCsv = await page.evaluate(async href => (await fetch(href, {credentials: 'same-origin'})).text(), trendCsvHref);
  assert.match(trendCsv, /^Week,Cases started,Cases closed,Median case duration \(working days\)\r\nw\/c \d{2}\/\d{2}\/\d{4},/,
    'the weeks\' CSV names weeks "w/c 05/01/2026" and durations in working days');
  assert.match(await page.locator('[data-period]').innerText(), /Durations are in working days/);
  assert.equal(await page.locator('[data-table="stage"] th', {hasText: /hours/i}).count(), 0, 'no duration in hours');
  assert.equal(csv.trim().split('\r\n').length, 1 + Object.keys(expected).filter(k => k.endsWith(':completed')).length);

  // Stages, agencies and weeks in words, days as dd/mm/yyyy (issue 19).
  const words = await page.$$eval('[data-figure$=":stage"], [data-figure$=":agency"], [data-figure$=":week"]',
    nodes => Object.fromEntries(nodes.map(node => [node.getAttribute('data-figure'), node.textContent.trim()])));
  assert.equal(words['stage:information sharing:stage'], 'Information sharing');
  assert.equal(words['agency:social-care:agency'], 'Social care');
  assert.ok(Object.entries(words).filter(([key]) => key.startsWith('week:')).every(([, text]) => /^w\/c \d{2}\/\d{2}\/\d{4}$/.test(text)),
    'weeks are named "w/c 30/11/2026"');
  assert.equal(await page.inputValue('input[name="from"]'), from.split('-').reverse().join('/'), 'the first day as dd/mm/yyyy');
  assert.equal(await page.title(), 'Pathway timings');
  await assertAccessible(page, 'The Cockpit page "Pathway timings"', ['[data-plugin="pathway-timings"]']);
  const lateMeetings = (await restReport(from, to)).meetingsScheduledLate.length;
  assert.equal(lateMeetings === 0 ? await page.locator('[data-late-meetings="0"]').count()
    : await page.locator('[data-table="late"] tbody tr').count(), lateMeetings === 0 ? 1 : lateMeetings,
  'meetings scheduled after their due date are listed (or said to be none)');

  // A day typed the US way is refused with a sentence, before any request.
  await page.fill('input[name="from"]', '01/31/2026');
  await page.click('form[data-form="period"] button[type="submit"]');
  assert.match(await page.locator('[data-error="400"]').innerText(), /^The first day must be a date written as dd\/mm\/yyyy/);

  // Another period through the form: the page and the API still agree.
  await page.fill('input[name="from"]', '05/01/2026');
  await page.fill('input[name="to"]', '01/02/2026');
  await page.click('form[data-form="period"] button[type="submit"]');
  await page.locator('[data-period="2026-01-05/2026-02-01"]').waitFor({timeout: 90000});
  const weeks = await page.$$eval('[data-table="week"] tbody tr', rows => rows.length);
  assert.equal(weeks, 4, 'four ISO weeks from 2026-01-05 to 2026-02-01');
  const pickedOnPage = await page.$$eval('[data-figure]', nodes =>
    Object.fromEntries(nodes.map(node => [node.getAttribute('data-figure'), node.textContent.trim()])));
  for (const [key, value] of Object.entries(expectedFigures(await restReport('2026-01-05', '2026-02-01')))) {
    assert.equal(pickedOnPage[key], value, `figure ${key} for the picked period`);
  }

  // A period whose first day is after its last: a sentence above the figures, which stay (issue 19).
  await page.fill('input[name="from"]', '01/02/2026');
  await page.fill('input[name="to"]', '05/01/2026');
  await page.click('form[data-form="period"] button[type="submit"]');
  const refusal = page.locator('[data-error="400"]');
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /^The first day must not be after the last day \(05\/01\/2026\)/, 'a bad period is said in words');
  assert.equal(await page.locator('[data-table="stage"]').count(), 1, 'the figures stay when a period is refused');
  assert.equal(await page.locator('[data-period="2026-01-05/2026-02-01"]').count(), 1, 'the figures shown are those of the period before');

  await page.fill('input[name="from"]', from.split('-').reverse().join('/'));
  await page.fill('input[name="to"]', to.split('-').reverse().join('/'));
  await page.click('form[data-form="period"] button[type="submit"]');
  await page.locator(`[data-period="${from}/${to}"]`).waitFor({timeout: 90000});
  if (process.env.EXPECT_DEMO_CASES) {
    // The demo's overdue police action, escalated twice, must be on the manager's page.
    const onPageNow = await page.$$eval('[data-figure]', nodes =>
      Object.fromEntries(nodes.map(node => [node.getAttribute('data-figure'), node.textContent.trim()])));
    assert.ok(Number(onPageNow['agency:police:overdue']) >= 1, 'the demo\'s overdue police action is shown');
    assert.ok(Number(onPageNow['stage:triage:completed']) >= 1, 'the demo cases\' triage is shown');
  }
  mkdirSync(new URL('./screenshots/', import.meta.url).pathname, {recursive: true});
  await page.screenshot({path: screenshot, fullPage: true});
  console.log(`OK: ${Object.keys(expected).length} figures on the Cockpit page equal GET /api/timings; screenshot ${screenshot}`);

  // docs/security.md: managers read in Cockpit and change cases only through the pathway's tasks, so a case's page
  // offers none of the toolbar's write actions (add variable, delete, suspend, retry).
  const instances = await (await fetch(
    `${baseUrl}/engine-rest/process-instance?processDefinitionKey=early-intervention-pathway&maxResults=1`,
    {headers: {Authorization: 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64')}})).json();
  assert.ok(instances.length >= 1, 'a demo case to open in Cockpit');
  await page.goto(`${baseUrl}/camunda/app/cockpit/default/#/process-instance/${instances[0].id}/runtime`);
  const actions = page.locator('.ctn-toolbar .btn-toolbar');
  await actions.nth(2).waitFor({state: 'attached'});
  for (let i = 0; i < await actions.count(); i++) {
    assert.equal(await actions.nth(i).isVisible(), false, `Cockpit does not offer the toolbar action ${i + 1} to a manager`);
  }
  if (process.env.COCKPIT_CASE_SCREENSHOT) {
    await page.screenshot({path: process.env.COCKPIT_CASE_SCREENSHOT});
  }
  console.log(`OK: Cockpit shows a manager none of its ${await actions.count()} write actions on a case`);

  // A Tasklist-only user refused by Cockpit reads who may use it and where to go, not Camunda's own words.
  const officer = await browser.newPage({viewport: {width: 1280, height: 800}});
  await signIn(officer, baseUrl, 'cockpit', 'police.officer', password);
  const signInRefusal = officer.locator('[notifications-panel] .message');
  await signInRefusal.filter({hasText: 'Cockpit is for pathway managers'}).waitFor({timeout: 30000});
  const refusalText = await signInRefusal.innerText();
  assert.ok(!refusalText.includes('Wrong credentials'), `no Camunda wording left: ${refusalText}`);
  assert.equal(await signInRefusal.locator('a[href="/camunda/app/tasklist/"]').count(), 1, 'the refusal links to Tasklist');
  mkdirSync(new URL('../docs/screenshots/', import.meta.url).pathname, {recursive: true});
  await officer.screenshot({path: new URL('../docs/screenshots/cockpit-refusal.png', import.meta.url).pathname});
  console.log(`OK: Cockpit refuses police.officer with: ${refusalText}`);
} finally {
  await browser.close();
}
