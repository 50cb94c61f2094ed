import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function desktopPage(): Promise<Page> {
  // A device far ahead of the facility (America/Denver) in time: date fields must still offer
  // the facility's today, never a date the server calls "in the future".
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    timezoneId: 'Pacific/Kiritimati',
  });
  return context.newPage();
}

describe('an alumni coordinator', () => {
  it('works a due call: refers the alumnus to two matched meetings, records a consent and a warm hand-off, and completes the call', async () => {
    const page = await desktopPage();
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'alumni@demo.homegroup.test');
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole('link', { name: 'Alumni & referrals' }).click();
    await page.getByRole('heading', { name: 'Alumni & referrals' }).waitFor();
    const rows = page.locator('table.table tbody tr');
    await rows.first().waitFor();
    await screenshot(page, '40-alumni-queue');

    // The first call in the queue: open the alumnus.
    await rows.first().getByRole('link').click();
    await page.getByRole('heading', { name: 'Follow-up calls' }).waitFor();

    // Preferences: AA meetings, anywhere; the directory is ranked for them.
    const prefs = page.getByRole('region', { name: 'What they are looking for' });
    const aa = prefs.getByLabel('Alcoholics Anonymous (AA)');
    if (!(await aa.isChecked())) await aa.check();
    await prefs.getByLabel('How far they can travel').selectOption('');
    await prefs.getByRole('button', { name: 'Save and find meetings' }).click();
    await prefs.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const matches = page.getByRole('region', { name: 'Meetings that fit' });
    const picks = matches.locator('.match input[type="checkbox"]');
    await picks.nth(1).waitFor();
    const names = await matches
      .locator('.match strong')
      .evaluateAll((els) => els.slice(0, 2).map((e) => e.textContent ?? ''));
    await picks.nth(0).check();
    await picks.nth(1).check();
    await matches.getByRole('button', { name: 'Refer to 2 selected meetings' }).click();
    const referrals = page.getByRole('region', { name: 'Referrals' });
    for (const name of names) {
      await referrals
        .locator('.referral', { hasText: name })
        .filter({ hasText: 'Suggested' })
        .first()
        .waitFor();
    }

    // A consent missing its expiry is refused with a reason; then recorded in full.
    const consents = page.getByRole('region', { name: /Consents and disclosures/ });
    await consents.getByRole('button', { name: 'Record a consent' }).click();
    const form = consents.getByRole('form', { name: 'Record a consent' });
    await form.getByLabel('Who may disclose').fill('Cedar Hollow Recovery Center');
    await form.getByLabel('Recipient is').selectOption('temporary_sponsor');
    await form
      .getByLabel("Recipient's name (or class of people)")
      .fill('Robin M., temporary sponsor');
    await form
      .getByLabel('Exactly what may be disclosed')
      .fill('First name, phone number, and that they want a home group');
    await form.getByLabel('Purpose').fill('Introduce them to a temporary sponsor');
    await form.getByLabel(/may revoke this consent/).check();
    await form.getByRole('button', { name: 'Save consent' }).click();
    await form.getByText('Give an expiry date or the event that ends the consent.').waitFor();
    await form.getByLabel('…or ends at this event').fill('One year after discharge');
    await form.getByRole('button', { name: 'Save consent' }).click();
    await consents
      .locator('.consent', { hasText: 'Robin M., temporary sponsor' })
      .filter({ hasText: 'Active' })
      .first()
      .waitFor();

    // The warm hand-off under that consent, logged with the Part 2 notice.
    const handOff = consents.getByRole('form', { name: 'Warm hand-off' });
    const option = await handOff
      .getByLabel('Under consent')
      .locator('option', { hasText: 'Robin M., temporary sponsor — active' })
      .first()
      .getAttribute('value');
    await handOff.getByLabel('Under consent').selectOption(option ?? '');
    await handOff.getByLabel('What you told them').fill('First name and phone number');
    await handOff.getByRole('button', { name: 'Record the hand-off' }).click();
    await handOff.getByText('42 CFR part 2').waitFor();
    await consents
      .locator('table tbody tr', { hasText: 'First name and phone number' })
      .first()
      .waitFor();
    await screenshot(page, '41-alumnus-consent-handoff');

    // The call: reached, with what they told us. Answers are required.
    const calls = page.getByRole('region', { name: 'Follow-up calls' });
    await calls.getByRole('button', { name: 'Record a call' }).first().click();
    const call = calls.getByRole('form', { name: /Record the \d+-day call/ });
    await call.getByLabel('Reached').check();
    await call.getByRole('button', { name: 'Save the call' }).click();
    await call.getByText('Ask whether they have a sponsor.').waitFor();
    await call.getByLabel('Community meetings in the last 30 days').fill('8');
    await call.getByLabel('Has a sponsor').selectOption('yes');
    await call.getByLabel(/Abstinent since discharge/).selectOption('yes');
    await call.getByLabel('Housing').selectOption('sober_living');
    await call.getByLabel('Work or school').selectOption('working');
    await call.getByRole('button', { name: 'Save the call' }).click();
    await calls
      .getByText(/8 meetings in 30 days/)
      .first()
      .waitFor();
    expect(await calls.locator('.urgency', { hasText: 'Done' }).count()).toBeGreaterThan(0);
    await screenshot(page, '42-alumnus-call-done');
  });
});
