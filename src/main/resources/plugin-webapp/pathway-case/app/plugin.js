// Tasklist plugin "Case" (Camunda 7 frontend plugin API, plain ES module, no build step): "Find a case" for the
// partnership hub (below), and the first tab of a task,
// showing read-only what the task's decision needs, then the case's summary and chronology (cases/{caseId} and
// cases/{caseId}/chronology: what the user may see of it, issue 19). Data: /camunda/api/tasklist/plugin/pathway-case/{engine}/
// tasks/{taskId}/facts, authenticated by the Tasklist session; the server gives the person and the concerns only
// for the partnership hub's tasks and answers 404 for a task the user may not see. Nothing is put in process
// variables: the facts are read from our tables each time the tab is shown.

// UK dates in every form (issue 19). form-js writes and reads dates in the browser's locale (new
// Intl.DateTimeFormat() with no locale), so an American browser asks for month/day/year. Tasklist is en-GB for
// everyone: dates are day/month/year. Only calls that name no locale are changed.
const BrowserDateTimeFormat = Intl.DateTimeFormat;
function UkDateTimeFormat(locales, options) {
  return new BrowserDateTimeFormat(locales === undefined || locales === 'default' ? 'en-GB' : locales, options);
}
UkDateTimeFormat.prototype = BrowserDateTimeFormat.prototype;
UkDateTimeFormat.supportedLocalesOf = BrowserDateTimeFormat.supportedLocalesOf.bind(BrowserDateTimeFormat);
Intl.DateTimeFormat = UkDateTimeFormat;

// After a start form the user sees what it recorded (issue 19). Tasklist only says "The process has been started."
// for three seconds; the answer of its submit-form request names, for "Raise a concern", the case (the process's
// business key, set by intake), and the definition tells which process it was. This notice stays until closed.
function startedInWords(instance, key) {
  if (key === 'early-intervention-pathway') {
    return instance.businessKey
      ? ['Concern recorded: case ', el('strong', {}, instance.businessKey),
        '. The coordinators triage it within 1 working day.']
      : ['Concern recorded. It was added to the open case of the same person; the coordinators will review it.'];
  }
  if (key === 'consent-withdrawal') {
    return ['Withdrawal of consent recorded. Sharing on that consent has stopped, and every agency that received'
      + ' information is being told. The Caldicott guardian decides whether a lawful basis lets sharing go on.'];
  }
  return null;
}
function showStarted(instance, key) {
  const words = startedInWords(instance, key);
  document.querySelector('[data-raised-concern]')?.remove();
  if (!words) {
    return;
  }
  const close = el('button', {type: 'button', class: 'close', 'aria-label': 'Close'}, '×');
  const notice = el('div', {class: 'alert alert-success', role: 'status', 'data-raised-concern': instance.businessKey || '',
    style: 'position: fixed; top: 60px; left: 50%; transform: translateX(-50%); z-index: 2000; min-width: 420px;'},
  close, el('span', {}, words));
  close.addEventListener('click', () => notice.remove());
  document.body.append(notice);
}
const startFormSubmission = /\/process-definition\/[^/]+\/submit-form$/;
const browserOpen = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (method === 'POST' && startFormSubmission.test(String(url).split('?')[0])) {
    this.addEventListener('load', () => {
      if (this.status === 200) {
        let instance = {};
        try {
          instance = JSON.parse(this.responseText);
        } catch (notJson) {
          return;
        }
        // the answer names the definition by its id, which is a bare UUID when key:version:uuid would be too long
        const definition = String(url).split('?')[0].replace(/\/submit-form$/, '');
        fetch(definition, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
          .then(response => response.ok ? response.json() : {})
          .catch(() => ({}))
          .then(found => showStarted(instance, found.key));
      }
    });
  }
  return browserOpen.call(this, method, url, ...rest);
};

// Urgent work first (issue 19): Tasklist sorts a filter's tasks by creation date, newest first, unless its address
// names a sorting. Ours, until the user picks another: earliest due date, then highest priority (the case's risk
// rating sets a task's priority, security.TaskCaseColumns).
const URGENT_FIRST = JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}, {sortBy: 'priority', sortOrder: 'desc'}]);
function urgentFirstByDefault() {
  const hash = window.location.hash || '#/';
  const [path, query = ''] = hash.slice(1).split('?');
  if (path !== '/' || /(^|&)sorting=/.test(query)) {
    return;
  }
  const params = new URLSearchParams(query);
  params.set('sorting', URGENT_FIRST);
  window.location.replace(`#${path}?${params}`);
}
window.addEventListener('hashchange', urgentFirstByDefault);
urgentFirstByDefault();

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.flat(Infinity).forEach(child => node.append(child instanceof Node ? child : document.createTextNode(child ?? '')));
  return node;
}

function yesNo(value) {
  return value ? 'Yes' : 'No';
}

function fact(name, label, value) {
  return [el('dt', {}, label), el('dd', {'data-fact': name}, value)];
}

function concernsTable(concerns) {
  return el('table', {class: 'table table-condensed', 'data-facts': 'concerns'},
    el('caption', {}, 'Concerns on this case'),
    el('thead', {}, el('tr', {}, ['Raised on', 'About', 'What was seen or heard', 'Raised by', 'Immediate risk']
      .map(h => el('th', {scope: 'col'}, h)))),
    el('tbody', {}, concerns.map(c => el('tr', {},
      el('td', {}, c.raisedOn), el('td', {}, c.categories.join(', ')),
      el('td', {style: 'white-space: pre-wrap'}, c.description),
      el('td', {}, `${c.referrer} (${c.referrerAgency})`), el('td', {}, yesNo(c.immediateRisk))))));
}

function earlier(concerns) {
  if (!concerns.length) {
    return el('p', {'data-facts': 'earlier-concerns'}, 'None: this is the first concern about this person.');
  }
  return el('ul', {'data-facts': 'earlier-concerns'}, concerns.map(c =>
    el('li', {}, `${c.raisedOn}, case ${c.caseReference}: ${c.categories.join(', ')}`)));
}

function render(container, facts) {
  const parts = [el('h3', {}, `Case ${facts.caseReference}`)];
  if (!facts.personal) {
    parts.push(el('dl', {class: 'dl-horizontal'}, fact('riskRating', 'Risk rating', facts.riskRating || 'Not yet rated')));
    parts.push(el('p', {class: 'text-muted'}, 'The person and the concerns are shown to the partnership hub only.'));
    container.replaceChildren(...parts);
    return;
  }
  parts.push(el('p', {}, 'What this decision needs, from the case\'s records (read-only). Decide in the tab ',
    el('strong', {}, 'Form'), '.'));
  const risk = el('dd', {'data-fact': 'immediateRisk', class: facts.immediateRisk ? 'text-danger' : ''},
    facts.immediateRisk ? 'Yes: the referrer says the person is at risk now' : 'No');
  parts.push(el('dl', {class: 'dl-horizontal', 'data-facts': 'person'},
    fact('name', 'Person', facts.person.name),
    fact('age', 'Age', `${facts.person.age} (born ${facts.person.dateOfBirth})${facts.person.child ? ', a child' : ''}`),
    fact('categories', 'Concern about', facts.categories.join(', ')),
    el('dt', {}, 'Immediate risk'), risk,
    fact('referrer', 'Raised by', facts.concerns.map(c => `${c.referrer} (${c.referrerAgency})`)
      .filter((v, i, all) => all.indexOf(v) === i).join('; '))));
  if (facts.proposal) {
    parts.push(el('h4', {}, 'Proposed by the triage rules'));
    parts.push(el('dl', {class: 'dl-horizontal', 'data-facts': 'proposal'},
      fact('proposedRiskRating', 'Risk rating', facts.proposal.riskRating),
      fact('proposedUrgency', 'Urgency', facts.proposal.urgency),
      fact('proposedMeetingWithin', 'Meeting', facts.proposal.meetingWithin)));
  } else if (facts.riskRating) {
    parts.push(el('dl', {class: 'dl-horizontal'}, fact('riskRating', 'Risk rating', facts.riskRating)));
  }
  parts.push(concernsTable(facts.concerns));
  parts.push(el('h4', {}, 'Earlier concerns about this person'), earlier(facts.earlierConcerns));
  container.replaceChildren(...parts);
}

function summaryList(summary) {
  const facts = [fact('status', 'Status', summary.status), fact('openedOn', 'Opened', summary.openedOn)];
  if (summary.closedOn) {
    facts.push(...fact('closedOn', 'Closed', `${summary.closedOn}${summary.outcome ? `: ${summary.outcome}` : ''}`));
  }
  if (summary.riskRating) {
    facts.push(...fact('caseRiskRating', 'Risk rating', `${summary.riskRating}${summary.urgency ? `, urgency ${summary.urgency.toLowerCase()}` : ''}`));
  }
  if (summary.person) {
    facts.push(...fact('nhsNumber', 'NHS number', summary.person.nhsNumber || 'Not known'));
  }
  return el('dl', {class: 'dl-horizontal', 'data-case': 'summary'}, facts);
}

function chronologyTable(chronology) {
  if (!chronology.entries.length) {
    return el('p', {'data-chronology': 'empty'}, 'Nothing recorded on this case that you may see.');
  }
  return el('table', {class: 'table table-condensed', 'data-chronology': 'entries'},
    el('caption', {}, `What happened, oldest first. ${chronology.shownAs}`),
    el('thead', {}, el('tr', {}, [['When', '9em'], ['What happened', '16em'], ['Details', ''], ['Agency', '7em']]
      .map(([h, width]) => el('th', {scope: 'col', style: width ? `width: ${width}` : ''}, h)))),
    el('tbody', {}, chronology.entries.map(entry => el('tr', {'data-kind': entry.kind},
      el('td', {style: 'white-space: nowrap'}, entry.when || ''), el('td', {}, entry.what),
      el('td', {style: 'white-space: pre-wrap'}, [entry.detail || '', entry.by ? ` (recorded by ${entry.by})` : '']),
      el('td', {}, entry.agency || '')))));
}

function renderCase(section, summary, chronology) {
  const parts = [el('h4', {id: 'pathway-case-summary'}, 'Case summary')];
  if (summary.erasure) {
    parts.push(el('div', {class: 'alert alert-warning', role: 'status', 'data-case': 'erasure'}, summary.erasure));
  } else {
    if (summary.restriction) {
      parts.push(el('div', {class: 'alert alert-warning', role: 'status', 'data-case': 'restriction'},
        el('strong', {}, 'Restricted. '), summary.restriction));
    }
    parts.push(summaryList(summary));
  }
  parts.push(el('h4', {id: 'pathway-case-chronology'}, 'Chronology'), chronologyTable(chronology));
  section.replaceChildren(...parts);
}

async function getJson(api, path) {
  const response = await fetch(`${api.tasklistApi}/plugin/pathway-case/${api.engine}/${path}`, {
    credentials: 'same-origin',
    headers: {Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken}
  });
  const body = await response.json().catch(() => ({}));
  return {ok: response.ok, status: response.status, body};
}

async function loadCase(container, api, caseId) {
  const section = el('section', {'data-case-view': caseId, 'aria-live': 'polite'},
    el('p', {role: 'status'}, 'Loading the case\'s chronology…'));
  container.append(section);
  const [summary, chronology] = await Promise.all([getJson(api, `cases/${caseId}`),
    getJson(api, `cases/${caseId}/chronology`)]);
  if (summary.ok && chronology.ok) {
    renderCase(section, summary.body, chronology.body);
  } else {
    const failed = summary.ok ? chronology : summary;
    section.replaceChildren(el('div', {class: 'alert alert-warning', role: 'alert', 'data-error': String(failed.status)},
      failed.body.detail || 'The case\'s chronology could not be loaded.'));
  }
}

async function load(container, api, taskId) {
  container.replaceChildren(el('p', {role: 'status'}, 'Loading the case…'));
  const facts = await getJson(api, `tasks/${taskId}/facts`);
  if (facts.ok) {
    render(container, facts.body);
    if (facts.body.caseId) {
      await loadCase(container, api, facts.body.caseId);
    }
  } else {
    container.replaceChildren(el('div', {class: 'alert alert-warning', role: 'alert', 'data-error': String(facts.status)},
      facts.status === 404 ? 'This task\'s case cannot be shown to you.' : (facts.body.detail || 'The case could not be loaded.')));
  }
}

const caseTab = {
  id: 'pathway-case-tab',
  pluginPoint: 'tasklist.task.detail',
  priority: 1100,
  properties: {label: 'Case'},
  render: (node, {api, taskId}) => {
    const container = el('section', {'data-plugin': 'pathway-case', style: 'padding: 10px 15px'});
    node.replaceChildren(container);
    if (taskId) {
      load(container, api, taskId);
    }
  }
};

// "Find a case" (issue 19): coordinators and managers search cases by reference, name or NHS number
// (cases?query=, the rules of GET /api/cases?query=; each case found and each case opened is in the access log) and
// open a case's summary and chronology. Offered only to those who may search (cases/search-access).
function foundTable(api, results, showCase) {
  if (!results.cases.length) {
    return [];
  }
  return el('table', {class: 'table table-condensed', 'data-search': 'results'},
    el('caption', {}, 'Cases found, newest first'),
    el('thead', {}, el('tr', {}, ['Case', 'Person', 'Born', 'NHS number', 'Status', 'Risk rating', 'Opened']
      .map(h => el('th', {scope: 'col'}, h)))),
    el('tbody', {}, results.cases.map(found => {
      const open = el('button', {type: 'button', class: 'btn btn-link', style: 'padding: 0',
        'data-open-case': found.reference, 'aria-label': `Open case ${found.reference}`}, found.reference);
      open.addEventListener('click', () => showCase(found.caseId));
      return el('tr', {'data-found': found.reference},
        el('td', {}, open), el('td', {}, found.name || ''), el('td', {}, found.dateOfBirth || ''),
        el('td', {}, found.nhsNumber || 'Not known'),
        el('td', {}, `${found.status}${found.restricted ? ' (restricted)' : ''}`),
        el('td', {}, found.riskRating || 'Not yet rated'), el('td', {}, found.openedOn || ''));
    })));
}

function caseSearchDialog(api) {
  const query = el('input', {type: 'search', id: 'pathway-case-query', name: 'query', class: 'form-control',
    autocomplete: 'off', maxlength: '100', 'aria-describedby': 'pathway-case-query-hint', required: ''});
  const form = el('form', {class: 'form-inline', role: 'search', 'data-form': 'case-search', novalidate: ''},
    el('label', {for: 'pathway-case-query'}, 'Case reference, name or NHS number'), ' ', query, ' ',
    el('button', {type: 'submit', class: 'btn btn-primary'}, 'Search'),
    el('p', {id: 'pathway-case-query-hint', class: 'help-block'},
      'For example PP-2026-000001, a family name, or an NHS number with or without spaces.'));
  const results = el('div', {'data-search': 'answer', 'aria-live': 'polite'});
  const caseView = el('div', {'data-search': 'case'});
  const close = el('button', {type: 'button', class: 'close', 'aria-label': 'Close "Find a case"'}, '×');
  const dialog = el('div', {role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'pathway-case-search-title',
    'data-plugin': 'pathway-case-search', class: 'panel panel-default',
    style: 'position: fixed; top: 60px; left: 5%; right: 5%; bottom: 20px; overflow: auto; z-index: 2000;'
      + ' padding: 10px 20px; background: #fff; box-shadow: 0 4px 16px rgba(0,0,0,.3);'},
  close, el('h2', {id: 'pathway-case-search-title'}, 'Find a case'), form, results, caseView);
  const showCase = async caseId => {
    caseView.replaceChildren();
    await loadCase(caseView, api, caseId);
    caseView.querySelector('h4')?.setAttribute('tabindex', '-1');
    caseView.querySelector('h4')?.focus();
  };
  form.addEventListener('submit', async event => {
    event.preventDefault();
    caseView.replaceChildren();
    results.replaceChildren(el('p', {role: 'status'}, 'Searching…'));
    const answer = await getJson(api, `cases?query=${encodeURIComponent(query.value)}`);
    results.replaceChildren(answer.ok
      ? el('p', {'data-search': 'message'}, answer.body.message)
      : el('div', {class: 'alert alert-warning', role: 'alert', 'data-error': String(answer.status)},
        answer.body.detail || 'The search could not be done.'),
    answer.ok ? foundTable(api, answer.body, showCase) : []);
  });
  const closeDialog = () => {
    dialog.remove();
    document.querySelector('[data-plugin-link="pathway-case-search"]')?.focus();
  };
  close.addEventListener('click', closeDialog);
  dialog.addEventListener('keydown', event => {
    if (event.key === 'Escape') closeDialog();
  });
  return {dialog, query};
}

const caseSearch = {
  id: 'pathway-case-search',
  pluginPoint: 'tasklist.navbar.action',
  priority: 200,
  render: (node, {api}) => {
    getJson(api, 'cases/search-access').then(access => {
      if (!access.ok) {
        return;
      }
      const open = el('button', {type: 'button', class: 'btn btn-link navbar-btn', 'data-plugin-link': 'pathway-case-search'},
        'Find a case');
      open.addEventListener('click', () => {
        document.querySelector('[data-plugin="pathway-case-search"]')?.remove();
        const {dialog, query} = caseSearchDialog(api);
        document.body.append(dialog);
        query.focus();
      });
      node.replaceChildren(open);
    });
  }
};

export default [caseTab, caseSearch];
