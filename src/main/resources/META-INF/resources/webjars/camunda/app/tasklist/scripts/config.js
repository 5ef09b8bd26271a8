// Our additions to this webapp: the sign-in refusal in words (issue 19), shared by Cockpit, Tasklist and Admin.
export default {
  customScripts: ['../shared/sign-in-refusal']
};
