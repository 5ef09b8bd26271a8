// Our additions to this webapp (issue 19), the first shared by Cockpit, Tasklist and Admin: the sign-in refusal in
// words, required form fields announced as required, and a form that cannot be completed explained.
export default {
  customScripts: ['../shared/sign-in-refusal', '../shared/required-fields', '../shared/form-not-complete']
};
