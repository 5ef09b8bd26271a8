// Signs in to a Camunda webapp (tasklist, cockpit, admin) through its sign-in form.
//
// The sign-in page focuses the user name field once its scripts have loaded; a password typed before that moment
// can land in the user name field (seen in a run of start-form.test.js). So the form is filled once the page is
// idle, and filled again while it does not hold what was typed.
export async function signIn(page, baseUrl, app, user, password) {
  await page.goto(`${baseUrl}/camunda/app/${app}/default/#/login`);
  const form = page.locator('form[name="signinForm"]');
  const username = form.locator('input[ng-model="username"]');
  const secret = form.locator('input[type="password"]');
  await username.waitFor({timeout: 90000});
  await page.waitForLoadState('networkidle');
  for (let attempt = 1; ; attempt++) {
    await username.fill(user);
    await secret.fill(password);
    if (await username.inputValue() === user && await secret.inputValue() === password) break;
    if (attempt === 3) throw new Error(`the sign-in form of ${app} did not keep the user name and password typed`);
  }
  await form.locator('button[type="submit"]').click();
}
