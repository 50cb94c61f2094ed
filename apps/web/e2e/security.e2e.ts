import { Secret, TOTP } from 'otpauth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser.close();
});

/** A page of its own browser profile: each person signs in on their own device. */
async function device(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  // Every confirmation asked is answered yes, as the person would.
  page.on('dialog', (d) => void d.accept());
  return page;
}

async function signedInAs(email: string, password?: string) {
  const page = await device();
  await page.goto(`${baseUrl}/login`);
  await signIn(page, email, password);
  await page.waitForURL(`${baseUrl}/`);
  return page;
}

/** The code an authenticator app shows for this key, `offsetSeconds` from now. */
function codeFor(key: string, offsetSeconds = 0) {
  const totp = new TOTP({ secret: Secret.fromBase32(key.replace(/\s/g, '')) });
  return totp.generate({ timestamp: Date.now() + offsetSeconds * 1000 });
}

const NEW_EMAIL = 'noor.haddad@demo.homegroup.test';
const NEW_PASSWORD = 'copper kettle on the stove';

describe('account security, staff administration, emergency access and the audit viewer', () => {
  let admin: Page;
  let key = '';

  it('lets an admin add a staff member, refusing a weak temporary password in words', async () => {
    admin = await signedInAs('admin@demo.homegroup.test');
    await admin
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Staff' })
      .click();
    await admin.getByRole('heading', { name: /^Staff at / }).waitFor();
    await admin.getByRole('button', { name: 'Add a staff member' }).click();
    await admin.getByLabel('Name').fill('Noor Haddad');
    await admin.getByLabel('Work e-mail').fill(NEW_EMAIL);
    await admin.getByLabel('Role', { exact: true }).selectOption('counselor');
    await admin.getByLabel(/^Temporary password/).fill('password1234');
    await admin.getByRole('button', { name: 'Add staff member' }).click();
    await admin.getByText(/commonly used passwords/).waitFor();
    await admin.getByLabel(/^Temporary password/).fill(NEW_PASSWORD);
    await admin.getByRole('button', { name: 'Add staff member' }).click();
    await admin.getByRole('cell', { name: /Noor Haddad/ }).waitFor();
    await screenshot(admin, 'security-01-staff');
  });

  it('sets up two-step sign-in with an authenticator app, then asks for the code at sign-in', async () => {
    const noor = await signedInAs(NEW_EMAIL, NEW_PASSWORD);
    await noor.getByRole('link', { name: 'Account' }).click();
    await noor.getByRole('heading', { name: 'Account security' }).waitFor();
    await noor.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    await noor.getByRole('img', { name: /QR code/ }).waitFor();
    key = ((await noor.locator('.two-factor-setup__key').textContent()) ?? '').trim();
    await screenshot(noor, 'security-02-two-step-setup');
    await noor.getByLabel('6-digit code').fill('000000');
    await noor.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await noor.getByText(/That code does not match/).waitFor();
    await noor.getByLabel('6-digit code').fill(codeFor(key));
    await noor.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await noor.getByText(/^On/).waitFor();
    await noor.getByRole('heading', { name: 'Where you are signed in' }).waitFor();
    expect(await noor.getByText('This device').count()).toBe(1);

    const again = await device();
    await again.goto(`${baseUrl}/login`);
    await signIn(again, NEW_EMAIL, NEW_PASSWORD);
    await again.getByRole('heading', { name: 'Enter your code' }).waitFor();
    await again.getByLabel('6-digit code').fill('123456');
    await again.getByRole('button', { name: 'Sign in' }).click();
    await again.getByText(/That code is not right/).waitFor();
    await screenshot(again, 'security-03-code-step');
    // The next step's code: the one used to turn it on cannot be used again.
    await again.getByLabel('6-digit code').fill(codeFor(key, 30));
    await again.getByRole('button', { name: 'Sign in' }).click();
    await again.waitForURL(`${baseUrl}/`);

    // From the first device, sign the second one out.
    await noor.reload();
    await noor.getByRole('button', { name: 'Sign out this session' }).click();
    await noor.getByText('This device').waitFor();
    await expect
      .poll(() => noor.getByRole('button', { name: 'Sign out this session' }).count())
      .toBe(0);
    await again.goto(`${baseUrl}/clients`);
    await again.waitForURL(/\/login\?reason=revoked/);
  });

  it('resets two-step sign-in for a lost phone, and turns an account off at once', async () => {
    await admin.reload();
    const row = admin.getByRole('row', { name: /Noor Haddad/ });
    await row.getByRole('button', { name: 'Reset (lost phone)' }).click();
    await expect
      .poll(() => row.getByRole('button', { name: 'Reset (lost phone)' }).count())
      .toBe(0);
    // With two-step sign-in reset, the password alone signs in again.
    const noor = await signedInAs(NEW_EMAIL, NEW_PASSWORD);

    await admin
      .getByRole('row', { name: /Noor Haddad/ })
      .getByRole('button', { name: 'Turn account off' })
      .click();
    // Noor's first device (still signed in) and this one.
    await admin.getByText(/Account turned off; 2 open sessions were ended/).waitFor();
    await screenshot(admin, 'security-04-account-off');

    // The next request (a page that refreshes itself may get there first) goes to sign-in.
    await noor.goto(`${baseUrl}/clients`);
    await noor.waitForURL(/\/login\?reason=revoked/);
    await noor.getByText(/Your session was ended/).waitFor();
  });

  it('lets a group monitor break the glass with a reason, read-only, for an admin to review', async () => {
    const monitor = await signedInAs('monitor@demo.homegroup.test');
    await monitor.getByRole('link', { name: 'Emergency access' }).click();
    await monitor.getByLabel('Client name or record number').fill('an');
    await monitor.getByRole('button', { name: 'Find' }).click();
    await monitor.getByRole('button', { name: 'Choose' }).first().click();
    await monitor.getByLabel(/Why do you need this record now/).fill('urgent');
    await monitor.getByRole('button', { name: 'Open the record (recorded)' }).click();
    await monitor
      .getByText(/at least 20 characters/)
      .first()
      .waitFor();
    await monitor
      .getByLabel(/Why do you need this record now/)
      .fill('Client fainted in the evening group; EMS asked for emergency contacts.');
    await monitor.getByRole('button', { name: 'Open the record (recorded)' }).click();
    await monitor.getByText(/Emergency access, read-only, until/).waitFor();
    await monitor.getByRole('heading', { name: 'Family and support' }).waitFor();
    await screenshot(monitor, 'security-05-emergency-record');

    await admin
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Audit' })
      .click();
    await admin
      .getByRole('heading', { name: /Emergency access to review \(1 waiting\)/ })
      .waitFor();
    await admin
      .getByRole('cell', { name: /EMS asked for emergency contacts/ })
      .first()
      .waitFor();
    await screenshot(admin, 'security-06-audit');
    await admin.getByRole('button', { name: 'Appropriate', exact: true }).click();
    await admin.getByRole('heading', { name: /\(0 waiting\)/ }).waitFor();

    // The audit trail shows the monitor's emergency read.
    await admin.getByLabel('Staff member').selectOption({ label: 'Casey Pebbleworth' });
    await admin.getByRole('button', { name: 'Show' }).click();
    await admin.getByText('under emergency access').first().waitFor();
    await screenshot(admin, 'security-07-audit-trail');
  });
});
