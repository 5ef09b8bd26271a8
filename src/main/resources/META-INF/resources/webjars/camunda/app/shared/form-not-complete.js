// When a task form cannot be completed, Tasklist says only "An error happened while submitting the task form", and
// the banner stays after the fields are corrected (issue 19). Loaded by Tasklist (customScripts in scripts/config.js):
// the banner says what to do, and goes once no field is marked any more.

const CAMUNDA_COMPLETE_ERROR = 'An error happened while submitting the task form';

function explainFormRefusal() {
  document.querySelectorAll('[notifications-panel] .alert').forEach(alert => {
    const status = alert.querySelector('.status');
    if (!status || status.textContent.trim() !== CAMUNDA_COMPLETE_ERROR) return;
    const message = alert.querySelector('.message');
    const fromServer = message && message.textContent.trim();
    status.textContent = fromServer ? 'The form was not accepted' : 'The form is not complete.';
    if (!fromServer && message) {
      message.textContent = 'Correct the fields marked in red, then press Complete again.';
    }
    alert.setAttribute('data-form-refusal', fromServer ? 'server' : 'fields');
  });
}

let edited = false;

/** Whether form-js still marks a field: a marked field shows its message in an error box under it. */
function fieldsMarked() {
  return [...document.querySelectorAll('.fjs-form-field-error')].some(box => box.textContent.trim() !== '');
}

/** A "not complete" banner goes once the user has changed a field and the form marks no field any more. */
function dismissWhenCorrected() {
  const banners = document.querySelectorAll('[notifications-panel] .alert[data-form-refusal="fields"]');
  if (banners.length === 0) {
    edited = false;
    return;
  }
  if (!edited || fieldsMarked()) return;
  // Camunda's own close button (uib-alert's is hidden and does nothing here)
  banners.forEach(banner => banner.querySelector('[ng-click^="removeNotification"]')?.click());
}

new MutationObserver(() => {
  explainFormRefusal();
  dismissWhenCorrected();
}).observe(document.body, {childList: true, subtree: true});
['input', 'change'].forEach(event => document.addEventListener(event, () => {
  edited = true;
  setTimeout(dismissWhenCorrected, 100);
}, true));
