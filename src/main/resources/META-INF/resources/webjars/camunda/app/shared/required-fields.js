// Camunda's forms (form-js) mark a required field with an asterisk hidden from screen readers and give its control
// no aria-required, so a screen reader never says that a select, a text field or a date is required (issue 19,
// WCAG 3.3.2). Loaded by Tasklist (customScripts in scripts/config.js): each control a required label names is marked.
// Radio buttons are left out: ARIA does not allow aria-required on a single radio button.

function announceRequiredFields() {
  document.querySelectorAll('.fjs-form-field-label .fjs-asterix').forEach(mark => {
    const label = mark.closest('label');
    const control = label && label.htmlFor ? document.getElementById(label.htmlFor) : null;
    if (control && !['radio', 'checkbox'].includes(control.type) && control.getAttribute('aria-required') !== 'true') {
      control.setAttribute('aria-required', 'true');
    }
  });
}

new MutationObserver(announceRequiredFields).observe(document.body, {childList: true, subtree: true});
