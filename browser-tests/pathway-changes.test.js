// Browser test of the Cockpit page "Pathway changes" against a running demo application (started by run.sh).
// The demo process owner deploys a changed pathway the way Camunda Modeler does (the step "Review the information
// gathered" given a new id), opens the page from Cockpit's menu, previews moving the demo cases of the first version
// (the figures equal the API's), maps the renamed step, gives a reason and migrates; the cases move to the new
// version, one of them goes on to its next step, and then every moved case of Northshire (the demo's first partnership;
// Southvale's moved case is seen by Southvale's manager only) is taken to closure as the demo users
// would (drive-to-closure.js; run.sh runs this test last). Then the impact preview: a changed risk-triage.dmn (everyday
// concerns rated Amber instead of Green) chosen from the computer lists the demo cases whose rating would change, as
// the API answers; a file that is not a decision table and a table the deployment gate refuses are answered with a
// sentence. Then the task load of a changed pathway (the triage confirmed by the managers) as the API forecasts it.
// Screenshots: docs/screenshots/pathway-changes.png (the preview), pathway-changes-migrated.png,
// pathway-changes-impact.png and pathway-changes-forecast.png.
import {chromium} from 'playwright-core';
import assert from 'node:assert/strict';
import {mkdirSync, readdirSync, readFileSync} from 'node:fs';
import {assertAccessible} from './accessibility.js';
import {driveToClosure} from './drive-to-closure.js';

const baseUrl = process.env.APP_URL;
const password = process.env.PATHWAYS_DEMO_PASSWORD;
if (!baseUrl || !password) {
  throw new Error('APP_URL and PATHWAYS_DEMO_PASSWORD must be set (run.sh sets them)');
}
const OWNER = 'process.owner';
const PATHWAY = 'early-intervention-pathway';
const OLD_STEP = 'Task_ReviewGatheredInformation';
const NEW_STEP = 'Task_ReviewGatheredInformationTogether';
const root = new URL('..', import.meta.url).pathname;
const screenshots = new URL('../docs/screenshots/', import.meta.url).pathname;

const basic = user => 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');

async function call(user, method, path, body) {
  const response = await fetch(`${baseUrl}${path}`, {
    method, headers: Object.assign({Authorization: basic(user), Accept: 'application/json'},
      body ? {'Content-Type': 'application/json'} : {}), body: body ? JSON.stringify(body) : undefined
  });
  const text = await response.text();
  return {status: response.status, body: text ? JSON.parse(text) : null, text};
}

/** processes/ and forms/ with the pathway's review step renamed, posted as Modeler's Deploy button posts them. */
async function deployChangedPathway() {
  const form = new FormData();
  form.append('deployment-name', 'pathway-change-browser-test');
  for (const [dir, pattern] of [['processes', /\.(bpmn|dmn)$/], ['forms', /\.form$/]]) {
    for (const file of readdirSync(`${root}/${dir}`).filter(name => pattern.test(name))) {
      let text = readFileSync(`${root}/${dir}/${file}`, 'utf8');
      if (file === `${PATHWAY}.bpmn`) {
        text = text.replaceAll(OLD_STEP, NEW_STEP)
          .replace('name="Review the information gathered"', 'name="Review the information gathered together"');
      }
      form.append(file, new Blob([text], {type: 'application/octet-stream'}), file);
    }
  }
  const response = await fetch(`${baseUrl}/engine-rest/deployment/create`, {
    method: 'POST', headers: {Authorization: basic(OWNER)}, body: form
  });
  assert.equal(response.status, 200, `the changed pathway passes the deployment gate: ${await response.text()}`);
}

const versionsOf = async () => (await call(OWNER, 'GET', '/api/pathway-changes/versions')).body
  .find(process => process.process === PATHWAY).versions;

await deployChangedPathway();
const versions = await versionsOf();
const newest = versions[0];
const oldest = versions.filter(v => v.runningCases > 0).at(-1);
assert.equal(newest.runningCases, 0, 'no case runs on the version just deployed');
assert.ok(oldest && oldest.runningCases >= 3, `demo cases run on an older version: ${JSON.stringify(versions)}`);
const request = mappings => ({process: PATHWAY, fromVersion: oldest.version, toVersion: newest.version, mappings});
const mapped = [{from: OLD_STEP, to: NEW_STEP}];
const before = (await call(OWNER, 'POST', '/api/pathway-changes/preview', request([]))).body;
const waitingAtRenamed = (before.steps.find(step => step.stepId === OLD_STEP) || {cases: 0}).cases;

const browser = await chromium.launch({executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true});
try {
  const page = await browser.newPage({viewport: {width: 1280, height: 1500}});
  page.setDefaultTimeout(90000);
  await page.goto(`${baseUrl}/camunda/app/cockpit/default/#/login`);
  await page.fill('form[name="signinForm"] input[ng-model="username"]', OWNER);
  await page.fill('form[name="signinForm"] input[type="password"]', password);
  await page.click('form[name="signinForm"] button[type="submit"]');
  const link = page.locator('[data-plugin-link="pathway-changes"]');
  await link.waitFor();
  await link.click();
  await page.locator('[data-table="versions"]').waitFor();
  assert.equal(await page.title(), 'Pathway changes');
  assert.equal((await page.locator(`[data-figure="running:${PATHWAY}:${oldest.version}"]`).innerText()).trim(),
    String(oldest.runningCases), 'the running cases of the old version as the API counts them');
  assert.match(await page.locator('[data-table="versions"] tbody tr').first().innerText(), /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/,
    'deployment times as dd/mm/yyyy hh:mm');

  await page.selectOption('select[name="process"]', PATHWAY);
  await page.selectOption('select[name="fromVersion"]', String(oldest.version));
  await page.selectOption('select[name="toVersion"]', String(newest.version));
  await page.click('[data-action="preview"]');
  await page.locator('[data-table="steps"]').waitFor();
  if (waitingAtRenamed > 0) {
    assert.equal((await page.locator(`[data-moves-to="${OLD_STEP}"]`).innerText()).trim(), 'No step: these cases stay');
    assert.match(await page.locator('[data-staying]').innerText(), /Waiting at 'Review the information gathered', which version \d+ has no step for/);
    await page.selectOption(`[data-map="${OLD_STEP}"]`, NEW_STEP);
    await page.locator(`[data-moves-to="${OLD_STEP}"]`, {hasText: 'Review the information gathered together'}).waitFor();
  }
  const preview = (await call(OWNER, 'POST', '/api/pathway-changes/preview', request(mapped))).body;
  assert.equal(preview.planValid, true, JSON.stringify(preview.problems));
  for (const step of preview.steps) {
    assert.equal((await page.locator(`[data-figure="cases:${step.stepId}"]`).innerText()).trim(), String(step.cases),
      `cases at '${step.step}' on the page equal the API's preview`);
  }
  assert.match(await page.locator('[data-summary]').innerText(),
    new RegExp(`^${preview.casesMoving} running case\\(s\\) would move to version ${newest.version}`));
  const stepNames = await page.$$eval('[data-table="steps"] tbody tr td:first-child', cells => cells.map(c => c.textContent));
  assert.ok(stepNames.every(name => !/_/.test(name)), `steps in words, not ids: ${stepNames}`);

  // No reason, no migration: a sentence, nothing sent.
  await page.click('[data-action="migrate"]');
  assert.match(await page.locator('[data-message="400"]').innerText(), /^The reason is needed: say why the cases move/);
  await page.fill('textarea[name="reason"]', 'Review step renamed after the new guidance (browser test)');
  await assertAccessible(page, 'The Cockpit page "Pathway changes"', ['[data-plugin="pathway-changes"]']);
  mkdirSync(screenshots, {recursive: true});
  await page.screenshot({path: `${screenshots}/pathway-changes.png`, fullPage: true});

  await page.click('[data-action="migrate"]');
  await page.locator('[data-message="migrated"]').waitFor();
  let done;
  for (let i = 0; i < 60; i++) {
    done = (await call(OWNER, 'GET', '/api/pathway-changes/migrations')).body[0];
    if (done.state.startsWith('Finished')) break;
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
  assert.match(done.state, /^Finished on \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/, `the batch ran: ${done.state}`);
  assert.equal(done.requestedBy, OWNER);
  assert.equal(done.casesMoving, preview.casesMoving);
  const after = await versionsOf();
  assert.equal(after.find(v => v.version === newest.version).runningCases, preview.casesMoving,
    'the moved cases run on the new version');
  assert.equal(after.find(v => v.version === oldest.version).runningCases, preview.casesStaying,
    'only the cases that could not move stay on the old version');
  await page.reload();
  await page.locator('[data-table="migrations"]').waitFor();
  assert.match(await page.locator('[data-table="migrations"] tbody tr').first().innerText(),
    /Early-intervention pathway\s+Version \d+\s+Version \d+\s+\d+\s+\d+\s+Review step renamed .*\s+Finished on/,
    'the migration in words: the process by its name, who asked, the reason and where it stands');
  await page.screenshot({path: `${screenshots}/pathway-changes-migrated.png`, fullPage: true});

  // A moved case goes on: its renamed review, completed by the coordinator, leads to the multi-agency meeting.
  if (waitingAtRenamed > 0) {
    const task = (await call('coordinator', 'GET', `/engine-rest/task?taskDefinitionKey=${NEW_STEP}`)).body[0];
    assert.ok(task, 'a moved case waits at the renamed step');
    const submitted = await call('coordinator', 'POST', `/engine-rest/task/${task.id}/submit-form`, {variables: {
      informationSummary: {value: 'Shared picture agreed after the pathway change.', type: 'String'}}});
    assert.equal(submitted.status, 204, submitted.text);
    const tree = (await call('manager', 'GET', `/engine-rest/process-instance/${task.processInstanceId}/activity-instances`)).body;
    assert.ok(JSON.stringify(tree).includes('"activityId":"CallActivity_MultiAgencyMeeting"'),
      'after the renamed step the moved case is at the multi-agency meeting');
  }
  // Every moved case goes on to the end of its pathway on the new version, its tasks done as the demo's people do.
  const newDefinition = (await call(OWNER, 'GET',
    `/engine-rest/process-definition?key=${PATHWAY}&version=${newest.version}`)).body[0];
  // The process owner moves every partnership's cases; each partnership's manager sees its own only.
  const movedOf = async manager => (await call(manager, 'GET',
    `/engine-rest/process-instance?processDefinitionId=${newDefinition.id}`)).body.map(instance => instance.businessKey);
  const moved = await movedOf('manager');
  const movedInSouthvale = await movedOf('south.manager');
  assert.equal(movedInSouthvale.filter(reference => moved.includes(reference)).length, 0,
    'each partnership\'s manager sees only its own moved cases');
  assert.equal(moved.length + movedInSouthvale.length, preview.casesMoving, 'the moved cases run on the new version');
  assert.equal(movedInSouthvale.length, 1, 'Southvale\'s case moved too (the process owner moves every partnership\'s)');
  const driving = Date.now();
  const tasksDone = await driveToClosure(call, moved);
  for (const reference of moved) {
    const found = (await call('coordinator', 'GET', `/api/cases?query=${reference}`)).body.cases[0];
    const summary = (await call('coordinator', 'GET', `/api/cases/${found.caseId}`)).body;
    assert.match(`${summary.status}: ${summary.outcome}`, /^(Closed|Stepped up)/, `${reference} ended: ${JSON.stringify(summary)}`);
  }
  const history = (await call('manager', 'GET', `/engine-rest/history/process-instance?processDefinitionId=${newDefinition.id}&finished=true`)).body;
  assert.deepEqual(history.map(instance => instance.businessKey).sort(), [...moved].sort(),
    'the moved cases ended on the new version');
  console.log(`OK: the ${moved.length} moved cases went on to closure on version ${newest.version} (${tasksDone} tasks`
    + ` done in ${Math.round((Date.now() - driving) / 1000)} s): ${moved.sort().join(', ')}`);

  // The impact preview of a changed risk triage: the demo cases rated Green would be rated Amber.
  const triage = readFileSync(`${root}/processes/risk-triage.dmn`, 'utf8');
  const greenBecomesAmber = triage.replace('<outputEntry id="OutputEntry_Triage7_1"><text>"GREEN"</text>',
    '<outputEntry id="OutputEntry_Triage7_1"><text>"AMBER"</text>');
  assert.notEqual(greenBecomesAmber, triage, 'the test changes a rule of the shipped table');
  const impact = (await call(OWNER, 'POST', '/api/process-models/decision-impact?decisions=100',
    {decisionTable: greenBecomesAmber})).body;
  const demoCases = impact.cases.filter(c => /^PP-\d{4}-\d{6}$/.test(c.caseReference));
  assert.ok(demoCases.length >= 1, `demo cases rated Green would be rated Amber: ${JSON.stringify(impact)}`);
  const chooseTable = async (name, text) => page.setInputFiles('input[name="decisionTable"]',
    {name, mimeType: 'application/xml', buffer: Buffer.from(text, 'utf8')});
  await chooseTable('risk-triage.dmn', greenBecomesAmber);
  await page.fill('input[name="decisions"]', '100');
  await page.click('[data-action="impact"]');
  await page.locator('[data-table="impact-cases"]').waitFor();
  assert.equal(await page.locator('[data-impact-summary]').innerText(), `Of the last ${impact.decisionsCompared}`
    + ` cases decided by '${impact.decisionName}', ${impact.decisionsChanged} would be decided differently.`);
  assert.equal(await page.locator('[data-table="impact-cases"] tbody tr').count(), impact.cases.length,
    'the page lists the cases the API lists');
  for (const changed of demoCases) {
    const row = await page.locator(`[data-table="impact-cases"] tr[data-row="${changed.caseReference}"]`).innerText();
    assert.match(row, /Risk rating: Green → Amber/, `the rating in words, before and after: ${row}`);
    assert.match(row, /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/, `the decision's date as dd/mm/yyyy hh:mm: ${row}`);
    assert.doesNotMatch(row, /GREEN|AMBER|P10D/, `codes as words: ${row}`);
  }
  assert.match(await page.locator('[data-figure="output:Risk rating"]').innerText(),
    new RegExp(`^${impact.changesByOutput['Risk rating']} cases? would get another risk rating\\.$`));
  await assertAccessible(page, 'The impact preview of "Pathway changes"', ['[data-section="impact"]']);
  await page.locator('[data-section="impact"]').scrollIntoViewIfNeeded();
  await page.screenshot({path: `${screenshots}/pathway-changes-impact.png`, fullPage: true});

  // A file that is not a decision table, and a table the deployment gate refuses: a sentence each, no table.
  await chooseTable('notes.dmn', 'Meeting notes, not a decision table');
  await page.click('[data-action="impact"]');
  assert.match(await page.locator('[data-impact-messages] [data-message="400"]').innerText(),
    /^This is not a decision table Camunda can read/);
  assert.equal(await page.locator('[data-table="impact-cases"]').count(), 0);
  await chooseTable('risk-triage.dmn', greenBecomesAmber.replace(/ camunda:historyTimeToLive="[^"]*"/, ''));
  await page.click('[data-action="impact"]');
  assert.match(await page.locator('[data-impact-messages] [data-message="400"]').innerText(),
    /^The deployment gate would refuse it: risk-triage: the decision has no history time to live/);
  await chooseTable('risk-triage.dmn', greenBecomesAmber);
  assert.equal(await page.locator('[data-impact-messages] [data-message]').count(), 0,
    'a refusal goes once another file is chosen');

  // The task load of a changed pathway: the triage confirmed by the pathway managers instead of the coordinators.
  const changedPathway = readFileSync(`${root}/processes/${PATHWAY}.bpmn`, 'utf8').replaceAll(OLD_STEP, NEW_STEP)
    .replace('name="Review the information gathered"', 'name="Review the information gathered together"')
    .replace(/(<userTask id="Task_ConfirmTriage" [^>]*camunda:candidateGroups=)"coordinators"/, '$1"managers"');
  assert.match(changedPathway, /<userTask id="Task_ConfirmTriage" [^>]*camunda:candidateGroups="managers"/);
  const load = await call(OWNER, 'POST', '/api/process-models/task-load-forecast?weeks=4',
    {processModel: changedPathway});
  assert.equal(load.status, 200, load.text);
  const managers = load.body.groups.find(g => /^Pathway managers/.test(g.group));
  assert.ok(managers && managers.newTasksPerWeekChanged > managers.newTasksPerWeekNow,
    `the managers would confirm the triage: ${JSON.stringify(load.body.groups)}`);
  await page.setInputFiles('input[name="processModel"]',
    {name: `${PATHWAY}.bpmn`, mimeType: 'application/xml', buffer: Buffer.from(changedPathway, 'utf8')});
  await page.fill('input[name="weeks"]', '4');
  await page.click('[data-action="forecast"]');
  await page.locator('[data-table="forecast-groups"]').waitFor();
  const shown = value => String(Math.round(value * 10) / 10);
  for (const group of load.body.groups) {
    for (const [figure, value] of [['now', group.newTasksPerWeekNow], ['changed', group.newTasksPerWeekChanged],
      ['open-now', group.openOnAverageDayNow], ['open-changed', group.openOnAverageDayChanged]]) {
      assert.equal((await page.locator(`[data-figure="${figure}:${group.group}"]`).innerText()).trim(), shown(value),
        `${figure} of ${group.group} on the page equals the API's`);
    }
  }
  assert.match(await page.locator('[data-forecast-summary]').innerText(),
    /^From \d{2}\/\d{2}\/\d{4} to \d{2}\/\d{2}\/\d{4} \(4 weeks, \d+ working days\), \d+ cases? started/);
  await assertAccessible(page, 'The task load forecast of "Pathway changes"', ['[data-section="forecast"]']);
  await page.screenshot({path: `${screenshots}/pathway-changes-forecast.png`, fullPage: true});
  await page.setInputFiles('input[name="processModel"]',
    {name: `${PATHWAY}.bpmn`, mimeType: 'application/xml', buffer: Buffer.from('not a model', 'utf8')});
  await page.click('[data-action="forecast"]');
  assert.match(await page.locator('[data-forecast-messages] [data-message="400"]').innerText(),
    /^This is not a process model Camunda can read/);

  console.log(`OK: the task load forecast showed ${load.body.groups.length} group(s); the impact preview listed ${demoCases.length} demo case(s) whose rating would change; `
    + `Pathway changes previewed and moved ${preview.casesMoving} demo case(s) from version `
    + `${oldest.version} to ${newest.version} (${preview.casesStaying} stayed; ${waitingAtRenamed} at the renamed step)`);
} catch (failure) {
  if (process.env.FAILURE_SCREENSHOT) {
    await (browser.contexts()[0]?.pages()[0])?.screenshot({path: process.env.FAILURE_SCREENSHOT, fullPage: true});
  }
  throw failure;
} finally {
  await browser.close();
}
