// Cockpit plugin "Pathway timings" (Camunda 7 frontend plugin API, plain ES module, no build step).
// A menu entry for pathway managers and a page with the stage table, overdue actions per agency, the weekly
// trend as an inline SVG chart and CSV export. Data: /camunda/api/cockpit/plugin/pathway-timings/{engine}/timings,
// authenticated by the Cockpit session; the server answers 403 to anyone who is not a pathway manager.

const PATH = '/pathway-timings';

function dataUrl(api, suffix, params) {
  const query = new URLSearchParams(Object.entries(params || {}).filter(([, v]) => v)).toString();
  return `${api.cockpitApi}/plugin/pathway-timings/${api.engine}/timings${suffix}${query ? '?' + query : ''}`;
}

function get(api, suffix, params) {
  return fetch(dataUrl(api, suffix, params), {
    credentials: 'same-origin',
    headers: {Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken}
  });
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.flat().forEach(child => node.append(child instanceof Node ? child : document.createTextNode(child ?? '')));
  return node;
}

/** An ISO day (2026-01-05) as UK readers write it (05/01/2026). */
function ukDay(iso) {
  const [year, month, day] = String(iso).split('-');
  return `${day}/${month}/${year}`;
}

/** A day typed as dd/mm/yyyy (or d/m/yyyy) as the ISO day the API takes, or null if it is not one. */
function isoDay(typed) {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(typed);
  if (!match) return null;
  const [, day, month, year] = match;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !isNaN(date) && date.toISOString().startsWith(iso) ? iso : null;
}

function figure(value) {
  return value === null || value === undefined ? '–' : String(value);
}

function table(id, headers, rows) {
  return el('table', {class: 'table table-striped cam-table', 'data-table': id},
    el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))),
    el('tbody', {}, rows.map(row => el('tr', {'data-row': row.key},
      row.cells.map(([name, value]) => el('td', {'data-figure': `${id}:${row.key}:${name}`}, figure(value)))))));
}

function trendChart(weeks) {
  const ns = 'http://www.w3.org/2000/svg';
  const width = 760, height = 220, left = 40, bottom = 40, top = 10;
  const max = Math.max(1, ...weeks.map(w => Math.max(w.casesStarted, w.casesClosed)));
  const step = (width - left) / Math.max(1, weeks.length);
  const y = v => top + (height - top - bottom) * (1 - v / max);
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'Cases started and closed per week');
  svg.setAttribute('data-chart', 'trend');
  const add = (name, attrs, text) => {
    const node = document.createElementNS(ns, name);
    Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, String(v)));
    if (text !== undefined) node.textContent = text;
    svg.appendChild(node);
    return node;
  };
  add('line', {x1: left, y1: y(0), x2: width, y2: y(0), stroke: '#999'});
  add('text', {x: 2, y: y(max) + 4, 'font-size': 10}, String(max));
  add('text', {x: 2, y: y(0), 'font-size': 10}, '0');
  weeks.forEach((week, i) => {
    const x = left + i * step;
    const bar = Math.max(2, step / 2 - 3);
    add('rect', {x: x + 2, y: y(week.casesStarted), width: bar, height: y(0) - y(week.casesStarted), fill: '#4a90d9'})
      .appendChild(document.createElementNS(ns, 'title')).textContent = `${week.weekName}: ${week.casesStarted} started`;
    add('rect', {x: x + 2 + bar, y: y(week.casesClosed), width: bar, height: y(0) - y(week.casesClosed), fill: '#7cb342'})
      .appendChild(document.createElementNS(ns, 'title')).textContent = `${week.weekName}: ${week.casesClosed} closed`;
    if (i % Math.ceil(weeks.length / 12) === 0) {
      add('text', {x: x + 2, y: height - bottom + 14, 'font-size': 9}, week.weekName.replace(/^w\/c /, '').replace(/\/\d{4}$/, ''));
    }
  });
  add('rect', {x: left, y: height - 14, width: 10, height: 10, fill: '#4a90d9'});
  add('text', {x: left + 14, y: height - 5, 'font-size': 10}, 'cases started');
  add('rect', {x: left + 110, y: height - 14, width: 10, height: 10, fill: '#7cb342'});
  add('text', {x: left + 124, y: height - 5, 'font-size': 10}, 'cases closed');
  return svg;
}

function renderReport(container, report, api) {
  const csv = (tableName, label) => el('a', {
    class: 'btn btn-default btn-sm', 'data-csv': tableName,
    href: dataUrl(api, '/csv', {from: report.from, to: report.to, table: tableName}), download: ''
  }, `Download ${label} as a spreadsheet (CSV)`);
  container.replaceChildren(
    el('p', {'data-period': `${report.from}/${report.to}`},
      `From ${ukDay(report.from)} to ${ukDay(report.to)}. "In progress" and "past target" are as of now. Durations are `
      + 'in working days (Monday to Friday, not bank holidays; median and 90th percentile) of the stages completed in'
      + ' the period. Cases past their target now: ',
      el('strong', {'data-figure': 'cases:pastTarget'}, String(report.casesPastTarget))),
    el('h3', {}, 'Stages'),
    table('stage', ['Stage', 'In progress', 'Past target', 'Completed', 'Median (working days)',
      '90th percentile (working days)'],
      report.stages.map(s => ({key: s.stage, cells: [['stage', s.stageName], ['inProgress', s.inProgress],
        ['pastTarget', s.pastTarget], ['completed', s.completed], ['medianWorkingDays', s.medianWorkingDays],
        ['p90WorkingDays', s.p90WorkingDays]]}))),
    csv('stages', 'the stages'),
    el('h3', {}, 'Overdue actions by agency'),
    table('agency', ['Agency', 'Overdue', 'Escalated to agency managers', 'Escalated to pathway managers'],
      report.overdueActions.map(a => ({key: a.agency, cells: [['agency', a.agencyName], ['overdue', a.overdue],
        ['escalatedToAgencyManagers', a.escalatedToAgencyManagers],
        ['escalatedToPathwayManagers', a.escalatedToPathwayManagers]]}))),
    csv('overdue-actions', 'the overdue actions'),
    el('h3', {}, 'Week by week'),
    trendChart(report.trend),
    table('week', ['Week', 'Cases started', 'Cases closed', 'Median case duration (working days)'],
      report.trend.map(w => ({key: w.week, cells: [['week', w.weekName], ['casesStarted', w.casesStarted],
        ['casesClosed', w.casesClosed], ['medianCaseWorkingDays', w.medianCaseWorkingDays]]}))),
    csv('trend', 'the weeks'),
    el('h3', {}, 'Meetings scheduled after their due date'),
    report.meetingsScheduledLate.length === 0
      ? el('p', {'data-late-meetings': '0'}, 'None in this period: every meeting was scheduled within its timescale.')
      : table('late', ['Case', 'Meeting', 'Due by', 'Meeting day', 'Working days late', 'Reason', 'Scheduled by'],
        report.meetingsScheduledLate.map(m => ({key: `${m.caseReference}:${m.round}`, cells: [
          ['case', m.caseReference], ['round', m.round], ['dueDate', ukDay(m.dueDate)],
          ['meetingDay', ukDay(m.meetingDay)], ['workingDaysLate', m.workingDaysLate], ['reason', m.reason],
          ['scheduledBy', m.scheduledBy]]}))),
    csv('late-meetings', 'the late meetings'));
}

/** A field of the period as the page labels it: "from" is the first day, "to" the last. */
const PERIOD_FIELDS = {from: 'The first day', to: 'The last day'};

async function load(container, api, from, to) {
  // A period refused (400) is said above the figures shown so far, which stay (issue 19); the first load has none.
  const status = el('p', {'data-loading': ''}, 'Loading the figures…');
  container.querySelector('[data-error]')?.remove();
  container.prepend(status);
  announce(container, 'Loading the figures…');
  const response = await get(api, '', {from, to});
  const body = await response.json().catch(() => ({}));
  status.remove();
  if (response.ok) {
    renderReport(container, body, api);
    announce(container, `Figures shown from ${ukDay(body.from)} to ${ukDay(body.to)}.`);
    return body;
  }
  const messages = (body.errors || []).map(e => `${PERIOD_FIELDS[e.field] || e.field} ${e.message
    .replace(/^must not be after to/, 'must not be after the last day')
    .replace(/\((\d{4}-\d{2}-\d{2})\)/g, (_, day) => `(${ukDay(day)})`)}.`).join(' ');
  refuse(container, response.status === 403 ? 'Pathway timings are for pathway managers only.'
    : messages || body.detail || 'The figures could not be loaded.', response.status);
  return null;
}

/** A refusal above the figures, which stay (issue 19); the first load has none. */
function refuse(container, sentence, status) {
  container.querySelector('[data-error]')?.remove();
  container.prepend(el('div', {class: 'alert alert-danger', role: 'alert', 'data-error': String(status)},
    sentence + (container.querySelector('[data-table]') ? ' The figures below are still those of the period shown before.' : '')));
}

/** Screen readers hear that figures are loading and when they are shown (the page itself changes silently). */
function announce(container, sentence) {
  const region = container.parentNode?.querySelector('[data-announce]');
  if (region) region.textContent = sentence;
}

const navigation = {
  id: 'pathway-timings-navigation',
  pluginPoint: 'cockpit.navigation',
  priority: 5,
  properties: {path: PATH},
  render: (node, {api}) => {
    get(api, '/access').then(response => {
      if (response.ok) {
        node.innerHTML = `<a href="#${PATH}" data-plugin-link="pathway-timings">Pathway timings</a>`;
      }
    });
  }
};

const page = {
  id: 'pathway-timings-page',
  pluginPoint: 'cockpit.route',
  properties: {path: PATH, label: 'Pathway timings'},
  render: (node, {api}) => {
    document.title = 'Pathway timings';
    const dayInput = (name, label) => el('input', {type: 'text', name, inputmode: 'numeric', autocomplete: 'off',
      size: '10', 'aria-describedby': 'pathway-timings-day-hint', 'aria-label': `${label} (dd/mm/yyyy)`});
    const from = dayInput('from', 'First day');
    const to = dayInput('to', 'Last day');
    const show = el('button', {type: 'submit', class: 'btn btn-primary btn-sm'}, 'Show');
    const results = el('div', {'data-results': 'pathway-timings'});
    const form = el('form', {class: 'form-inline', 'data-form': 'period', novalidate: ''},
      el('label', {}, 'From ', from), ' ', el('label', {}, 'to ', to), ' ', show,
      el('p', {id: 'pathway-timings-day-hint', class: 'help-block'}, 'Days as dd/mm/yyyy, for example 05/01/2026.'));
    form.addEventListener('submit', event => {
      event.preventDefault();
      const wrong = [[from, 'The first day'], [to, 'The last day']].filter(([input]) => !isoDay(input.value));
      if (wrong.length) {
        refuse(results, wrong.map(([, label]) => `${label} must be a date written as dd/mm/yyyy, for example 05/01/2026.`)
          .join(' '), 400);
        wrong[0][0].focus();
        return;
      }
      load(results, api, isoDay(from.value), isoDay(to.value));
    });
    node.replaceChildren(el('section', {class: 'ctn-content', style: 'padding: 15px', 'data-plugin': 'pathway-timings'},
      el('h2', {}, 'Pathway timings'), form, el('p', {class: 'sr-only', 'aria-live': 'polite', 'data-announce': ''}),
      results));
    load(results, api).then(report => {
      if (report) {
        from.value = ukDay(report.from);
        to.value = ukDay(report.to);
      }
    });
  }
};

export default [navigation, page];
