// WCAG 2.2 AA checks with axe-core on the parts of a screen we ship (issue 19): our forms, the Tasklist and Cockpit
// plugins, the filters. Camunda's own shell around them is not ours to fix and is left out by the selectors given.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';

// Evaluated through the DevTools protocol: the webapps' Content-Security-Policy refuses injected script tags.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core on the elements matched by `selectors` (each must be on the page) and returns the violations as
 * sentences: rule, impact, and the elements concerned.
 */
export async function accessibilityViolations(page, selectors) {
  for (const selector of selectors) {
    await page.locator(selector).first().waitFor();
  }
  if (!await page.evaluate(() => typeof window.axe === 'object')) {
    await page.evaluate(axeSource);
  }
  const result = await page.evaluate(async ({selectors, tags}) => window.axe.run(
    {include: selectors.map(selector => [selector])}, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']}),
  {selectors, tags: WCAG_AA});
  return result.violations.map(v => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.slice(0, 3)
    .map(node => `${node.target.join(' ')}${node.failureSummary ? ' - ' + node.failureSummary.split('\n').slice(1).join(' ') : ''}`).join(' | ')}`);
}

/** Fails with every violation listed when the screen `name` has any. */
export async function assertAccessible(page, name, selectors) {
  const violations = await accessibilityViolations(page, selectors);
  if (violations.length > 0) {
    throw new Error(`${name} is not accessible (WCAG 2.2 AA, axe-core):\n  ${violations.join('\n  ')}`);
  }
  console.log(`OK: ${name}: no WCAG 2.2 AA violation found by axe-core`);
}
