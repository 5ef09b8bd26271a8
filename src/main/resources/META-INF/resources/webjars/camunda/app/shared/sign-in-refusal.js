// The webapps' own sign-in refusal ("Wrong credentials, locked user or missing access rights to application") does
// not say who may use the webapp (issue 19). Loaded by Cockpit, Tasklist and Admin (customScripts in each app's
// scripts/config.js), also on their sign-in pages, it puts the refusal in words a person can act on, with the way to
// the webapp they may use.

const CAMUNDA_REFUSAL = 'Wrong credentials, locked user or missing access rights';
const WEBAPPS = {
  tasklist: {name: 'Tasklist', who: 'coordinators, agency staff (police, NHS, social care, voluntary sector), their'
      + ' managers and the pathway managers', elsewhere: [['Process owners', 'cockpit'], ['administrators', 'admin']]},
  cockpit: {name: 'Cockpit', who: 'pathway managers and process owners',
    elsewhere: [['Coordinators and agency staff', 'tasklist'], ['administrators', 'admin']]},
  admin: {name: 'Admin', who: 'administrators (users, groups and their rights)',
    elsewhere: [['Coordinators and agency staff', 'tasklist'], ['pathway managers and process owners', 'cockpit']]}
};

/** The webapp this page belongs to: /camunda/app/{webapp}/... */
function currentWebapp() {
  const match = /\/app\/([^/]+)\//.exec(window.location.pathname);
  return match ? match[1] : null;
}

function link(app) {
  const a = document.createElement('a');
  a.href = `${window.location.pathname.replace(/\/app\/[^/]+\/.*$/, '')}/app/${app}/`;
  a.textContent = WEBAPPS[app].name;
  return a;
}

/** "Your user name or password is wrong, or your account may not use X. X is for ...; Y work in Z and W in V." */
export function sentenceFor(app) {
  const webapp = WEBAPPS[app];
  const parts = [`Your user name or password is wrong, or your account may not use ${webapp.name}. ${webapp.name} is`
    + ` for ${webapp.who}. `];
  webapp.elsewhere.forEach(([who, where], i) => {
    parts.push(i === 0 ? `${who} work in ` : ` and ${who} in `, link(where));
  });
  parts.push('.');
  return parts;
}

function explainSignInRefusal() {
  const app = currentWebapp();
  if (!WEBAPPS[app]) return;
  document.querySelectorAll('[notifications-panel] .message').forEach(message => {
    if (!message.textContent.startsWith(CAMUNDA_REFUSAL)) return;
    message.replaceChildren(...sentenceFor(app));
    message.setAttribute('data-sign-in-refusal', app);
    const status = message.parentElement && message.parentElement.querySelector('.status');
    if (status) status.textContent = 'Not signed in';
  });
}

new MutationObserver(explainSignInRefusal).observe(document.body, {childList: true, subtree: true});
