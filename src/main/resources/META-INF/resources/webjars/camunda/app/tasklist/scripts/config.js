// Our additions to this webapp (issue 19), the first shared by Cockpit, Tasklist and Admin: the sign-in refusal in
// words, and required form fields announced as required.
export default {
  customScripts: ['../shared/sign-in-refusal', '../shared/required-fields']
};
