// Browser test of Tasklist's start form "Raise a concern" (issue 19), in a browser set to American English:
// the date of birth is asked and shown as dd/mm/yyyy, a wrong NHS number shows a sentence next to the field, the
// server's refusal of it is a sentence in view (no engine words, no definition id), and after a valid concern the
// user sees the reference of the case they raised. Saves screenshots of each step.
import {chromium} from 'playwright-core';
import assert from 'node:assert/strict';
import {mkdirSync} from 'node:fs';
import {assertAccessible} from './accessibility.js';
import {signIn} from './sign-in.js';

const baseUrl = process.env.APP_URL;
const password = process.env.PATHWAYS_DEMO_PASSWORD;
const user = 'coordinator';
const screenshots = new URL('./screenshots/', import.meta.url).pathname;
if (!baseUrl || !password) {
  throw new Error('APP_URL and PATHWAYS_DEMO_PASSWORD must be set (run.sh sets them)');
}
const authorization = 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');

/** A valid NHS number (modulus 11) no demo person has, spaced as people write it. */
function freshNhsNumber() {
  for (;;) {
    const digits = Array.from({length: 9}, (_, i) => (i === 0 ? 7 + Math.floor(Math.random() * 3) : Math.floor(Math.random() * 10)));
    const check = (11 - (digits.reduce((total, digit, i) => total + digit * (10 - i), 0) % 11)) % 11;
    if (check !== 10) {
      const all = [...digits, check].join('');
      return `${all.slice(0, 3)} ${all.slice(3, 6)} ${all.slice(6)}`;
    }
  }
}

/** The element is on screen: inside the viewport, not only in the page. */
async function inView(page, locator) {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  return box !== null && box.y >= 0 && box.y + Math.min(box.height, 40) <= viewport.height;
}

mkdirSync(screenshots, {recursive: true});
const browser = await chromium.launch({executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true});
const page = await browser.newPage({viewport: {width: 1400, height: 900}, locale: 'en-US', timezoneId: 'Europe/London'});
page.setDefaultTimeout(60000);
let step = 'signing in to Tasklist';
const familyName = `Startform-${Date.now().toString(36)}`;
try {
  await signIn(page, baseUrl, 'tasklist', user, password);

  step = 'opening "Start process", "Early-intervention pathway"';
  await page.locator('.start-process-action a, a:has-text("Start process")').first().click();
  await page.locator('.modal-content ul.processes a', {hasText: 'Early-intervention pathway'}).click();
  const form = page.locator('.modal-content .fjs-form');
  await form.waitFor();
  await assertAccessible(page, 'The start form "Raise a concern"', ['.modal-content .fjs-form']);

  step = 'filling the form';
  await form.getByLabel('Your name').fill('PC Sam Jones');
  await form.locator('.fjs-form-field-select', {hasText: 'Your agency'}).locator('.fjs-select-display').click();
  await form.locator('.fjs-dropdownlist-item', {hasText: 'Police'}).first().click();
  await form.getByLabel('How to contact you', {exact: false}).fill('01632 960123');
  await form.getByLabel('Given name').fill('Robin');
  await form.getByLabel('Family name').fill(familyName);

  step = 'entering the date of birth as dd/mm/yyyy';
  const dateOfBirth = form.getByLabel('Date of birth', {exact: false});
  assert.equal(await dateOfBirth.getAttribute('placeholder'), 'dd/mm/yyyy', 'the date of birth is asked as dd/mm/yyyy in an American browser');
  await dateOfBirth.fill('23/04/2012');
  await dateOfBirth.press('Enter');
  await form.getByLabel('Given name').click();
  assert.equal(await dateOfBirth.inputValue(), '23/04/2012', 'the date of birth stays 23 April 2012, written dd/mm/yyyy');
  const calendar = await page.locator('.modal-content .flatpickr-calendar .flatpickr-day.selected').getAttribute('aria-label').catch(() => null);
  if (calendar) {
    assert.match(calendar, /April 23, 2012|23 April 2012/, `the picker selected 23 April 2012 (${calendar})`);
  }

  step = 'entering a wrong NHS number';
  const nhs = form.getByLabel('NHS number', {exact: false});
  await nhs.fill('943 476 5918');
  const sentence = form.locator('.fjs-form-field-text', {hasText: 'This NHS number is not valid'});
  await sentence.waitFor();
  await sentence.scrollIntoViewIfNeeded();
  assert.ok(await inView(page, nhs) && await inView(page, sentence), 'the sentence and the NHS number are in view together');
  const below = (await sentence.boundingBox()).y - (await nhs.boundingBox()).y;
  assert.ok(below > 0 && below < 120, `the sentence is right below the NHS number (${Math.round(below)} px)`);
  await form.getByLabel('Address').fill('1 High Street, Anytown AB1 2CD');
  await form.getByLabel('The person is a child', {exact: false}).check();
  await form.getByLabel('Exploitation').check();
  await form.getByLabel('What happened', {exact: false}).fill('Seen getting into cars with older men near the station.');
  await form.getByLabel('The person (or a parent', {exact: false}).check();
  await page.screenshot({path: `${screenshots}start-form-wrong-nhs-number.png`});

  step = 'starting with the wrong NHS number';
  const start = page.locator('.modal-footer button.btn-primary', {hasText: 'Start'});
  await start.click();
  const refusal = page.locator('.modal-content [notifications-panel] .alert', {hasText: 'NHS number'});
  await refusal.waitFor();
  const refusalText = (await refusal.innerText()).replace(/\s+/g, ' ');
  assert.ok(await inView(page, refusal), `the refusal is in view while the user is at the Start button: ${refusalText}`);
  assert.ok(/NHS number is not a valid NHS number/.test(refusalText), `the refusal names the field as the form does: ${refusalText}`);
  assert.ok(!/Cannot instantiate|process definition|ENGINE-|[0-9a-f]{8}-[0-9a-f]{4}-/.test(refusalText),
    `the refusal has no engine words or ids: ${refusalText}`);
  await page.screenshot({path: `${screenshots}start-form-refused.png`});

  step = 'starting with a right NHS number';
  await nhs.fill(freshNhsNumber());
  await sentence.waitFor({state: 'detached'});
  await start.click();
  const raised = page.locator('[data-raised-concern]');
  await raised.waitFor();
  const reference = await raised.getAttribute('data-raised-concern');
  assert.match(reference, /^PP-\d{4}-\d{6}$/, `the user is told the reference of the case they raised (${await raised.innerText()})`);
  assert.ok((await raised.innerText()).includes(`Concern recorded: case ${reference}`));
  await page.screenshot({path: `${screenshots}start-form-raised.png`});
  const cases = await fetch(`${baseUrl}/engine-rest/process-instance?businessKey=${reference}`,
    {headers: {Authorization: authorization, Accept: 'application/json'}}).then(r => r.json());
  assert.equal(cases.length, 1, `case ${reference} has its pathway`);
  console.log(`OK: start form in an en-US browser asks dd/mm/yyyy, refuses a wrong NHS number with a sentence in view, and names the case raised (${reference})`);
} catch (error) {
  await page.screenshot({path: `${screenshots}start-form-failure.png`}).catch(() => {});
  throw new Error(`Start form test failed while ${step}: ${error.message.split('\n')[0]}\nScreenshot: ${screenshots}start-form-failure.png`, {cause: error});
} finally {
  await browser.close();
}
