import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
});
afterEach(async () => {
  await context.close();
});

async function expectTitle(title: string) {
  await page.waitForFunction((t) => document.title === t, title);
}

describe('signing in and the app shell', () => {
  it('signs a counselor in and shows who, what role, which facility and the four areas', async () => {
    await page.goto(baseUrl);
    await page.waitForURL(/\/login$/);
    await expectTitle('Sign in · Homegroup');
    await screenshot(page, '01-sign-in');

    await signIn(page, 'counselor@demo.homegroup.test');
    await page.waitForURL(`${baseUrl}/`);
    await expectTitle('Today · Homegroup');
    const banner = page.getByRole('banner');
    await banner.getByText('Riley Quillfeather').waitFor();
    expect(await banner.getByText('Counselor', { exact: true }).isVisible()).toBe(true);
    expect(await banner.getByText('Cedar Hollow Recovery Center').isVisible()).toBe(true);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual([
      'Today',
      'Groups & attendance',
      'Clients',
      'Community meetings',
      'Outcomes',
    ]);
    await page.getByText('clients in treatment').waitFor();
    expect(await page.locator('.card-figure').first().textContent()).toBe('35');
    await screenshot(page, '02-today-desktop');

    await page.setViewportSize({ width: 768, height: 1024 });
    await nav.getByRole('link', { name: 'Clients' }).click();
    await expectTitle('My caseload · Homegroup');
    await page.getByRole('table').waitFor();
    // Nothing overflows sideways once the page has settled on a tablet held upright.
    const measure = () =>
      page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
    await expect.poll(measure, { timeout: 5_000 }).toBeLessThanOrEqual(0);
    await screenshot(page, '03-clients-tablet');
  });

  it('can be used by keyboard alone: skip link, menu and page titles', async () => {
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'admin@demo.homegroup.test');
    await page.waitForURL(`${baseUrl}/`);
    await page.getByText('clients in treatment').waitFor();

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);

    // Tab forward to the Outcomes link and open it with Enter.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      const text = await page.evaluate(() => document.activeElement?.textContent ?? '');
      if (text === 'Outcomes') break;
    }
    await page.keyboard.press('Enter');
    await expectTitle('Outcomes · Homegroup');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.getByRole('heading', { level: 1, name: 'Outcomes' }).waitFor();
  });

  it('shows a group monitor only what the job needs', async () => {
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'monitor@demo.homegroup.test');
    await page.waitForURL(`${baseUrl}/`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Today' }).waitFor();
    expect(await nav.getByRole('link').allInnerTexts()).toEqual([
      'Today',
      'Groups & attendance',
      'Emergency access',
    ]);
  });

  it('lets an admin switch facility', async () => {
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'admin@demo.homegroup.test');
    await page.waitForURL(`${baseUrl}/`);
    const picker = page.getByLabel('Facility');
    await picker.waitFor();
    await picker.selectOption({ label: 'Lakeside Harbor Campus (Clinical director / admin)' });
    await page.getByText(/at Lakeside Harbor Campus/).waitFor();
    await page.getByText('clients in treatment').waitFor();
    expect(await page.locator('.card-figure').first().textContent()).toBe('25');
  });
});

describe('sign-in errors and session end', () => {
  it('says what is missing next to each field', async () => {
    await page.goto(`${baseUrl}/login`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter your work e-mail address.').waitFor();
    await page.getByText('Enter your password.').waitFor();
    expect(await page.getByLabel('Work e-mail').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, '04-sign-in-missing-fields');
  });

  it('answers a wrong password with one message that does not say which part was wrong', async () => {
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'counselor2@demo.homegroup.test', 'not-the-password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'That e-mail address and password do not match an account.',
    );
    expect(page.url()).toBe(`${baseUrl}/login`);
    await screenshot(page, '05-sign-in-wrong-password');
  });

  it('says the account is locked after five failures', async () => {
    await page.goto(`${baseUrl}/login`);
    for (let i = 0; i < 5; i++) {
      await signIn(page, 'monitor3@demo.homegroup.test', `wrong-${i}`);
      await page.getByRole('alert').waitFor();
      await page.waitForFunction(() => !document.querySelector('button[type=submit][disabled]'));
    }
    await page
      .getByText(/locked after too many failed sign-ins. Try again in 15 minutes/)
      .waitFor();
    await screenshot(page, '06-sign-in-locked');
  });

  it('signs out, and brings the person back to the page they asked for after signing in', async () => {
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'counselor@demo.homegroup.test');
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login\?reason=signed_out/);
    await page.getByText('You have signed out.').waitFor();

    await page.goto(`${baseUrl}/clients?search=a`);
    await page.waitForURL(/\/login\?next=%2Fclients%3Fsearch%3Da/);
    await signIn(page, 'counselor@demo.homegroup.test');
    await page.waitForURL(`${baseUrl}/clients?search=a`);
    await expectTitle('My caseload · Homegroup');
  });

  it('signs out a screen left idle and says why, keeping the page', async () => {
    await page.clock.install();
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'counselor@demo.homegroup.test');
    await page.waitForURL(`${baseUrl}/`);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Clients' })
      .click();
    await page.getByRole('table').waitFor();
    await page.clock.runFor('16:00');
    await page.waitForURL(/\/login\?reason=idle_timeout&next=%2Fclients/);
    await page.getByText(/signed out because the screen was left without activity/).waitFor();
    await screenshot(page, '07-signed-out-idle');
  });

  it('sends a person whose session has ended on the server to sign in, keeping the page', async () => {
    await page.goto(`${baseUrl}/login?next=%2Fclients`);
    await signIn(page, 'counselor@demo.homegroup.test');
    await page.waitForURL(`${baseUrl}/clients`);
    await page.getByRole('table').waitFor();
    await context.clearCookies();
    await page.getByLabel('Name or record').fill('Lex');
    await page.waitForURL(/\/login\?next=%2Fclients%3Fsearch%3DLex$/);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });
});
