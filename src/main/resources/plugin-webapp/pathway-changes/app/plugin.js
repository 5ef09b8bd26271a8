// Cockpit plugin "Pathway changes" (Camunda 7 frontend plugin API, plain ES module, no build step).
// For process owners and pathway managers: each pathway process's versions with their running cases, the preview of
// moving the running cases of one version to another (how many at which step, which stay and why), the steps renamed
// in the new version mapped by hand, a reason and the Migrate button; then the migrations so far. Data:
// /camunda/api/cockpit/plugin/pathway-changes/{engine}/changes, authenticated by the Cockpit session; the server
// answers 403 to everyone else. Before that, the impact preview: a changed decision table (.dmn) chosen from the
// computer and what it would have decided differently on the last N recorded cases, and a changed process (.bpmn)
// with each group's task load forecast from the last weeks' history (nothing is deployed).

const PATH = '/pathway-changes';
const REFUSED = 'Pathway changes are for process owners and pathway managers only.';
const FIELDS = {
  process: 'The process', fromVersion: 'The version the cases are on', toVersion: 'The version they move to',
  reason: 'The reason', mappings: 'The plan', request: 'The request', decisionTable: 'The decision table',
  decisions: 'How many cases', processModel: 'The process model', weeks: 'How many weeks', forms: 'The forms'
};

function url(api, suffix) {
  return `${api.cockpitApi}/plugin/pathway-changes/${api.engine}/changes${suffix}`;
}

function send(api, method, suffix, body) {
  return fetch(url(api, suffix), {
    method, credentials: 'same-origin',
    headers: Object.assign({Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken},
      body ? {'Content-Type': 'application/json'} : {}),
    body: body ? JSON.stringify(body) : undefined
  });
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.flat().forEach(child => node.append(child instanceof Node ? child : document.createTextNode(child ?? '')));
  return node;
}

function table(id, headers, rows) {
  return el('table', {class: 'table table-striped cam-table', 'data-table': id},
    el('thead', {}, el('tr', {}, headers.map(h => el('th', {scope: 'col'}, h)))),
    el('tbody', {}, rows));
}

/** A refusal or a field's problem as a sentence: "The reason is needed: say why ...". */
function sentences(status, body) {
  if (status === 403) return REFUSED;
  const errors = body.errors || [];
  if (!errors.length) return body.detail || 'The request could not be completed.';
  return errors.map(e => {
    if (/^[A-Z]/.test(e.message)) return e.message;
    const field = FIELDS[e.field] || (/^mappings\[\d+\]\.(from|to)$/.test(e.field) ? 'A step you mapped' : e.field);
    return e.field === 'mappings' ? e.message : `${field} ${e.message}.`.replace(/\.\.$/, '.');
  }).join(' ');
}

function alert(kind, text, data) {
  return el('div', {class: `alert alert-${kind}`, role: kind === 'danger' ? 'alert' : 'status', 'data-message': data}, text);
}

async function json(response) {
  return response.json().catch(() => ({}));
}

function renderVersions(container, processes) {
  const rows = processes.flatMap(process => process.versions.map(version => el('tr', {
    'data-row': `${process.process}:${version.version}`
  }, el('td', {}, process.processName), el('td', {}, `Version ${version.version}${version.latest ? ' (latest)' : ''}`),
  el('td', {}, version.deployedAt), el('td', {}, version.deploymentName || '–'),
  el('td', {'data-figure': `running:${process.process}:${version.version}`}, String(version.runningCases)))));
  container.replaceChildren(el('h3', {}, 'Versions and their running cases'),
    table('versions', ['Process', 'Version', 'Deployed (UK time)', 'Deployment', 'Running cases'], rows));
}

function options(select, items, chosen) {
  select.replaceChildren(...items.map(([value, label]) => {
    const option = el('option', {value: String(value)}, label);
    if (String(value) === String(chosen)) option.selected = true;
    return option;
  }));
}

function renderMigrations(container, migrations) {
  container.replaceChildren(el('h3', {}, 'Cases moved so far'), migrations.length === 0
    ? el('p', {'data-migrations': '0'}, 'No running cases have been moved to another version yet.')
    : table('migrations', ['Asked on (UK time)', 'By', 'Process', 'From', 'To', 'Cases moving', 'Cases staying',
      'Reason', 'Where it stands'], migrations.map(m => el('tr', {'data-row': m.migrationId},
      el('td', {}, m.requestedAt), el('td', {}, m.requestedBy), el('td', {}, m.processName),
      el('td', {}, `Version ${m.fromVersion}`), el('td', {}, `Version ${m.toVersion}`),
      el('td', {}, String(m.casesMoving)), el('td', {}, String(m.casesStaying)), el('td', {}, m.reason),
      el('td', {'data-state': ''}, m.state)))));
}

/** "1 case" / "3 cases". */
function cases(count) {
  return `${count} case${count === 1 ? '' : 's'}`;
}

/** Agencies asked differently, over all cases: each agency, what changes and in how many cases, what it receives. */
function agenciesAskedDifferently(body) {
  const byAgency = new Map();
  body.cases.forEach(c => c.agencies.forEach(a => {
    const key = `${a.agency}|${a.change}`;
    const known = byAgency.get(key) || {agency: a.agency, change: a.change, count: 0, fields: new Set()};
    known.count += 1;
    a.wouldReceive.forEach(field => known.fields.add(field));
    byAgency.set(key, known);
  }));
  return [...byAgency.values()];
}

function renderImpact(container, body) {
  const outputs = Object.entries(body.changesByOutput);
  const agencies = agenciesAskedDifferently(body);
  const name = body.decisionName || body.decision;
  const summary = body.decisionsChanged === 0
    ? `None of the last ${cases(body.decisionsCompared)} decided by '${name}' would be decided differently.`
    : `Of the last ${cases(body.decisionsCompared)} decided by '${name}', ${body.decisionsChanged} would be`
      + ' decided differently.';
  container.replaceChildren(
    el('h4', {}, 'What the changed table would have decided'),
    el('p', {'data-impact-summary': ''}, summary),
    outputs.length ? el('ul', {'data-impact-outputs': ''}, outputs.map(([what, count]) =>
      el('li', {'data-figure': `output:${what}`}, what === 'Agencies asked'
        ? `${cases(count)} would ask other agencies.` : `${cases(count)} would get another ${what.toLowerCase()}.`)))
    : '',
    agencies.length ? el('div', {'data-impact-agencies': ''}, el('h4', {}, 'Agencies asked differently'),
      table('impact-agencies', ['Agency', 'Change', 'Cases', 'Would then receive'], agencies.map(a => el('tr', {},
        el('td', {}, a.agency), el('td', {}, a.change), el('td', {}, String(a.count)),
        el('td', {}, a.fields.size ? [...a.fields].join(', ') : '–'))))) : '',
    body.cases.length ? table('impact-cases', ['Case', 'Decided on (UK time)', 'What would change', 'Agencies'],
      body.cases.map(c => el('tr', {'data-row': c.caseReference},
        el('td', {}, c.caseReference), el('td', {}, c.decidedOn),
        el('td', {}, el('ul', {class: 'list-unstyled'}, c.changes.map(change =>
          el('li', {}, `${change.what}: ${change.was} → ${change.wouldBe}`)))),
        el('td', {}, c.agencies.length ? el('ul', {class: 'list-unstyled'}, c.agencies.map(a =>
          el('li', {}, `${a.agency} ${a.change}`))) : '–')))) : '',
    body.notCompared.length ? el('div', {'data-impact-not-compared': ''},
      el('h4', {}, 'Cases the changed table cannot decide'),
      el('ul', {}, body.notCompared.map(text => el('li', {}, text)))) : '');
}

function impactSection(api) {
  const file = el('input', {type: 'file', name: 'decisionTable', accept: '.dmn', id: 'pathway-changes-dmn',
    class: 'form-control input-sm', 'aria-describedby': 'pathway-changes-dmn-hint'});
  const howMany = el('input', {type: 'number', name: 'decisions', min: '1', max: '500', value: '50',
    id: 'pathway-changes-decisions', class: 'form-control input-sm', style: 'width: 7em'});
  const button = el('button', {type: 'submit', class: 'btn btn-default btn-sm', 'data-action': 'impact'},
    'Show the impact');
  const messages = el('div', {'data-impact-messages': ''});
  const result = el('div', {'data-impact': '', 'aria-live': 'polite'});
  const form = el('form', {class: 'form-inline', 'data-form': 'impact', novalidate: ''},
    el('label', {for: 'pathway-changes-dmn'}, 'Changed decision table (.dmn) '), ' ', file, ' ',
    el('label', {for: 'pathway-changes-decisions'}, 'compared with the last '), ' ', howMany, ' ',
    el('span', {}, 'recorded cases '), ' ', button);
  // a refusal is about the file it answered: another file chosen, it goes
  file.addEventListener('change', () => messages.replaceChildren());
  form.addEventListener('submit', async event => {
    event.preventDefault();
    messages.replaceChildren();
    result.replaceChildren();
    const chosen = file.files[0];
    if (!chosen) {
      messages.replaceChildren(alert('danger', 'Choose the changed decision table: a .dmn file saved by Camunda Modeler.',
        '400'));
      return;
    }
    result.replaceChildren(el('p', {}, 'Deciding the recorded cases again with the changed table…'));
    const response = await send(api, 'POST', `/decision-impact?decisions=${encodeURIComponent(howMany.value)}`,
      {decisionTable: await chosen.text()});
    const body = await json(response);
    if (!response.ok) {
      result.replaceChildren();
      messages.replaceChildren(alert('danger', sentences(response.status, body), String(response.status)));
      return;
    }
    renderImpact(result, body);
  });
  return el('div', {'data-section': 'impact'},
    el('h3', {}, 'Before deploying a changed decision table: what it would change'),
    el('p', {class: 'help-block', id: 'pathway-changes-dmn-hint'}, 'Choose a changed risk triage, partner routing,'
      + ' lawful basis or review schedule table. The application decides the last recorded cases again with it, as'
      + ' they stood when they were decided, and shows the cases that would get another answer. Nothing is deployed'
      + ' and no case changes.'),
    form, messages, result);
}

/** A figure as people read it: at most one decimal, a point not a comma. */
function figure(value) {
  return String(Math.round(value * 10) / 10);
}

const IN_CHANGED = {kept: 'Kept', new: 'New', removed: 'Removed'};

function renderForecast(container, body) {
  const rows = body.groups.map(g => el('tr', {'data-row': g.group},
    el('td', {}, g.group),
    el('td', {'data-figure': `now:${g.group}`}, figure(g.newTasksPerWeekNow)),
    el('td', {'data-figure': `changed:${g.group}`}, figure(g.newTasksPerWeekChanged)),
    el('td', {'data-figure': `open-now:${g.group}`}, figure(g.openOnAverageDayNow)),
    el('td', {'data-figure': `open-changed:${g.group}`}, figure(g.openOnAverageDayChanged))));
  const removed = body.deployedTasks.filter(t => t.inChangedModel === 'removed');
  const taskRows = body.changedTasks.concat(removed).map(t => el('tr', {'data-row': t.taskId},
    el('td', {}, t.task || t.taskId), el('td', {}, t.offeredTo.join(', ')),
    el('td', {}, IN_CHANGED[t.inChangedModel] || t.inChangedModel),
    el('td', {}, t.inChangedModel === 'removed' ? '–' : figure(t.newTasksPerWeek)),
    el('td', {}, `${figure(t.workingDaysOpen)} (from ${t.workingDaysOpenFrom})`),
    el('td', {}, t.inChangedModel === 'removed' ? '–' : figure(t.openOnAverageDay))));
  container.replaceChildren(
    el('h4', {}, `Task load of '${body.processName}'`),
    el('p', {'data-forecast-summary': ''}, `From ${body.historyFrom} to ${body.historyTo} (${body.weeks} weeks, `
      + `${body.workingDays} working days), ${cases(body.casesStarted)} started: ${figure(body.casesPerWeek)} a week.`),
    table('forecast-groups', ['Group', 'New tasks a week now', 'New tasks a week with the change',
      'Open on an average day now', 'Open on an average day with the change'], rows),
    el('h4', {}, 'The changed model\'s tasks'),
    table('forecast-tasks', ['Task', 'Offered to', 'In the changed model', 'New tasks a week',
      'Working days open', 'Open on an average day'], taskRows),
    el('p', {class: 'help-block'}, 'A task kept from the deployed version keeps its history; a new task comes as'
      + ' often as the step before it and stays open until its due date. Open on an average day = new tasks per'
      + ' working day × working days open.'));
}

function forecastSection(api) {
  const files = el('input', {type: 'file', name: 'processModel', accept: '.bpmn,.form', multiple: '',
    id: 'pathway-changes-bpmn', class: 'form-control input-sm', 'aria-describedby': 'pathway-changes-bpmn-hint'});
  const weeks = el('input', {type: 'number', name: 'weeks', min: '1', max: '52', value: '8',
    id: 'pathway-changes-weeks', class: 'form-control input-sm', style: 'width: 6em'});
  const button = el('button', {type: 'submit', class: 'btn btn-default btn-sm', 'data-action': 'forecast'},
    'Forecast the task load');
  const messages = el('div', {'data-forecast-messages': ''});
  const result = el('div', {'data-forecast': '', 'aria-live': 'polite'});
  const form = el('form', {class: 'form-inline', 'data-form': 'forecast', novalidate: ''},
    el('label', {for: 'pathway-changes-bpmn'}, 'Changed process (.bpmn) and its new forms (.form) '), ' ', files, ' ',
    el('label', {for: 'pathway-changes-weeks'}, 'from the history of the last '), ' ', weeks, ' ',
    el('span', {}, 'weeks '), ' ', button);
  files.addEventListener('change', () => messages.replaceChildren());
  form.addEventListener('submit', async event => {
    event.preventDefault();
    messages.replaceChildren();
    result.replaceChildren();
    const chosen = [...files.files];
    const models = chosen.filter(f => /\.bpmn$/i.test(f.name));
    if (models.length !== 1) {
      messages.replaceChildren(alert('danger', 'Choose one changed process: a .bpmn file saved by Camunda Modeler,'
        + ' with the .form files of any task it adds.', '400'));
      return;
    }
    const forms = {};
    for (const form of chosen.filter(f => !/\.bpmn$/i.test(f.name))) forms[form.name] = await form.text();
    result.replaceChildren(el('p', {}, 'Working out the task load…'));
    const response = await send(api, 'POST', `/task-load-forecast?weeks=${encodeURIComponent(weeks.value)}`,
      {processModel: await models[0].text(), forms});
    const body = await json(response);
    if (!response.ok) {
      result.replaceChildren();
      messages.replaceChildren(alert('danger', sentences(response.status, body), String(response.status)));
      return;
    }
    renderForecast(result, body);
  });
  return el('div', {'data-section': 'forecast'},
    el('h3', {}, 'Before deploying a changed process: each group\'s task load'),
    el('p', {class: 'help-block', id: 'pathway-changes-bpmn-hint'}, 'Choose a changed process model, with the forms'
      + ' of the tasks it adds. The application forecasts, from the cases of the last weeks, how many tasks each'
      + ' group would get a week and how many would be open on an average day, now and with the change. Nothing is'
      + ' deployed.'),
    form, messages, result);
}

function page(node, api) {
  const state = {processes: [], preview: null, mappings: {}};
  const processSelect = el('select', {name: 'process', class: 'form-control input-sm', id: 'pathway-changes-process'});
  const fromSelect = el('select', {name: 'fromVersion', class: 'form-control input-sm', id: 'pathway-changes-from'});
  const toSelect = el('select', {name: 'toVersion', class: 'form-control input-sm', id: 'pathway-changes-to'});
  const previewButton = el('button', {type: 'submit', class: 'btn btn-default btn-sm', 'data-action': 'preview'},
    'Preview');
  const messages = el('div', {'data-messages': ''});
  const versions = el('div', {'data-versions': ''});
  const preview = el('div', {'data-preview': ''});
  const migrations = el('div', {'data-migrations-list': ''});
  const announce = el('p', {class: 'sr-only', 'aria-live': 'polite', 'data-announce': ''});
  const say = text => { announce.textContent = text; };

  const chosenProcess = () => state.processes.find(p => p.process === processSelect.value);
  const fillVersions = () => {
    const process = chosenProcess();
    if (!process) return;
    const running = process.versions.filter(v => v.runningCases > 0);
    options(fromSelect, running.map(v => [v.version, `Version ${v.version}: ${v.runningCases} running case(s)`]),
      fromSelect.value);
    options(toSelect, process.versions.map(v => [v.version, `Version ${v.version}${v.latest ? ' (latest)' : ''}`]),
      process.versions[0] && process.versions[0].version);
    preview.replaceChildren();
  };
  processSelect.addEventListener('change', () => { state.mappings = {}; fillVersions(); });
  fromSelect.addEventListener('change', () => { state.mappings = {}; preview.replaceChildren(); });
  toSelect.addEventListener('change', () => { state.mappings = {}; preview.replaceChildren(); });

  const request = extra => Object.assign({
    process: processSelect.value, fromVersion: Number(fromSelect.value), toVersion: Number(toSelect.value),
    mappings: Object.entries(state.mappings).filter(([, to]) => to).map(([from, to]) => ({from, to}))
  }, extra || {});

  const refuse = (status, body) => messages.replaceChildren(alert('danger', sentences(status, body), String(status)));

  async function loadVersions() {
    const response = await send(api, 'GET', '/versions');
    const body = await json(response);
    if (!response.ok) {
      refuse(response.status, body);
      return false;
    }
    state.processes = body;
    const current = processSelect.value || (body.find(p => p.versions.some(v => v.runningCases > 0)) || body[0] || {}).process;
    options(processSelect, body.map(p => [p.process, p.processName]), current);
    fillVersions();
    renderVersions(versions, body);
    return true;
  }

  async function loadMigrations() {
    const response = await send(api, 'GET', '/migrations');
    if (response.ok) renderMigrations(migrations, await json(response));
  }

  async function showPreview() {
    messages.replaceChildren();
    if (!fromSelect.value) {
      refuse(400, {errors: [{field: 'fromVersion', message: 'is needed: choose a version with running cases'}]});
      return;
    }
    preview.replaceChildren(el('p', {}, 'Working out what would move…'));
    const response = await send(api, 'POST', '/preview', request());
    const body = await json(response);
    if (!response.ok) {
      preview.replaceChildren();
      refuse(response.status, body);
      return;
    }
    state.preview = body;
    renderPreview(body);
    say(`${body.casesMoving} running case(s) would move; ${body.casesStaying} would stay.`);
  }

  function renderPreview(body) {
    const stepChoice = step => {
      const select = el('select', {class: 'form-control input-sm', 'data-map': step.stepId,
        'aria-label': `Step of version ${body.toVersion} for '${step.step}'`});
      options(select, [['', step.movesTo ? `${step.movesTo} (same step)` : 'No step: these cases stay']]
        .concat(body.stepsOfNewVersion.map(s => [s.id, s.name])), state.mappings[step.stepId] || '');
      select.addEventListener('change', () => { state.mappings[step.stepId] = select.value; showPreview(); });
      return select;
    };
    const rows = body.steps.map(step => el('tr', {'data-row': step.stepId},
      el('td', {}, step.step), el('td', {'data-figure': `cases:${step.stepId}`}, String(step.cases)),
      el('td', {'data-moves-to': step.stepId}, step.movesTo || 'No step: these cases stay'),
      el('td', {}, stepChoice(step))));
    const reason = el('textarea', {name: 'reason', rows: '3', id: 'pathway-changes-reason', maxlength: '2000',
      class: 'form-control', 'aria-describedby': 'pathway-changes-reason-hint'});
    reason.addEventListener('input', () => messages.replaceChildren());
    const migrate = el('button', {type: 'button', class: 'btn btn-primary', 'data-action': 'migrate'},
      `Migrate ${body.casesMoving} case(s) to version ${body.toVersion}`);
    if (!body.planValid || body.casesMoving === 0) migrate.disabled = true;
    migrate.addEventListener('click', async () => {
      if (!reason.value.trim()) {
        refuse(400, {errors: [{field: 'reason', message: 'is needed: say why the cases move to the new version'}]});
        reason.focus();
        return;
      }
      migrate.disabled = true;
      const response = await send(api, 'POST', '/migrations', request({reason: reason.value}));
      const answer = await json(response);
      if (!response.ok) {
        migrate.disabled = false;
        refuse(response.status, answer);
        return;
      }
      messages.replaceChildren(alert('success', `${answer.message} The engine moves them in the background; where`
        + ' it stands is shown below, and a case that cannot be moved becomes an incident of the batch in Cockpit.',
      'migrated'));
      say(answer.message);
      preview.replaceChildren();
      await loadVersions();
      await loadMigrations();
    });
    preview.replaceChildren(
      el('h3', {}, `Moving version ${body.fromVersion} to version ${body.toVersion}`),
      body.planValid ? el('p', {'data-summary': ''}, `${body.casesMoving} running case(s) would move to version `
        + `${body.toVersion} and go on from the same step; ${body.casesStaying} would stay on version ${body.fromVersion}.`)
        : alert('danger', 'The plan does not hold: ' + body.problems.join(' '), 'plan'),
      table('steps', ['Step the cases wait at', 'Cases', `Becomes in version ${body.toVersion}`, 'Map to another step'],
        rows),
      body.staying.length ? el('div', {'data-staying': ''}, el('h4', {}, 'Cases that stay, and why'),
        el('ul', {}, body.staying.map(s => el('li', {}, `${s.cases} case(s): ${s.reason}`)))) : '',
      el('div', {class: 'form-group'}, el('label', {for: 'pathway-changes-reason', style: 'display: block'},
        'Why are the cases moving?'),
        reason, el('p', {id: 'pathway-changes-reason-hint', class: 'help-block'},
          'Recorded with your name, for example: "Triage task renamed after the new guidance of 01/12/2026".')),
      migrate);
  }

  const form = el('form', {class: 'form-inline', 'data-form': 'choose', novalidate: ''},
    el('label', {for: 'pathway-changes-process'}, 'Process '), ' ', processSelect, ' ',
    el('label', {for: 'pathway-changes-from'}, 'move the cases of '), ' ', fromSelect, ' ',
    el('label', {for: 'pathway-changes-to'}, 'to '), ' ', toSelect, ' ', previewButton);
  form.addEventListener('submit', event => {
    event.preventDefault();
    showPreview();
  });

  // Not Cockpit's .ctn-content: its layout stacks the divs of a page on top of each other.
  node.replaceChildren(el('section', {style: 'padding: 15px', 'data-plugin': 'pathway-changes'},
    el('h2', {}, 'Pathway changes'),
    impactSection(api),
    forecastSection(api),
    el('h3', {}, 'Moving running cases to another version'),
    el('p', {class: 'help-block'}, 'Move the running cases of one version of a pathway process to another, for example'
      + ' after a changed model was deployed. Steps with the same id in both versions are matched; map a renamed step'
      + ' by hand. Nothing moves until you give a reason and choose Migrate.'),
    form, messages, announce, preview, versions, migrations));
  loadVersions().then(allowed => allowed && loadMigrations());
}

const navigation = {
  id: 'pathway-changes-navigation',
  pluginPoint: 'cockpit.navigation',
  priority: 4,
  properties: {path: PATH},
  render: (node, {api}) => {
    send(api, 'GET', '/access').then(response => {
      if (response.ok) {
        node.innerHTML = `<a href="#${PATH}" data-plugin-link="pathway-changes">Pathway changes</a>`;
      }
    });
  }
};

const route = {
  id: 'pathway-changes-page',
  pluginPoint: 'cockpit.route',
  properties: {path: PATH, label: 'Pathway changes'},
  render: (node, {api}) => {
    document.title = 'Pathway changes';
    page(node, api);
  }
};

export default [navigation, route];
