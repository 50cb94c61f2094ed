import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { artifactsDir, launchBrowser, screenshot, signIn } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** A tablet in landscape, as the night shift holds it. */
async function tabletPage(): Promise<Page> {
  // A device far ahead of the facility (America/Denver) in time: date fields must still offer
  // the facility's today, never a date the server calls "in the future".
  const context = await browser.newContext({
    viewport: { width: 1180, height: 820 },
    timezoneId: 'Pacific/Kiritimati',
  });
  return context.newPage();
}

/** One part of the page, for a closer look than the full page gives. */
async function shoot(part: Locator, name: string) {
  await part.screenshot({ path: `${artifactsDir}${name}.png` });
}

async function openFirstClient(page: Page) {
  await page.goto(`${baseUrl}/clients`);
  await page.locator('table.table--caseload tbody tr a').first().click();
  await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
  const panel = page.getByRole('region', { name: 'Assessments and outcomes' });
  await panel.waitFor();
  return panel;
}

/** The scores of one instrument in the panel's table (0 when the client has none yet). */
function scoreRows(panel: Locator, shortName: string) {
  return panel.locator('section.assess-card', { hasText: shortName }).locator('tbody tr');
}

describe('assessments', () => {
  it('a counselor gives a PHQ-9: a missed item is refused beside it, then item 9 raises the safety alert and flag', async () => {
    const page = await tabletPage();
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'counselor@demo.homegroup.test');
    await page.waitForURL(`${baseUrl}/`);
    const panel = await openFirstClient(page);
    await panel.locator('p[role="status"]').waitFor({ state: 'detached' });
    const before = await scoreRows(panel, 'PHQ-9').count();

    await panel.getByRole('button', { name: 'Give an assessment' }).click();
    const form = panel.getByRole('form', { name: 'Give an assessment' });
    await form.getByRole('radio', { name: /^PHQ-9/ }).check();
    await form.getByText('Over the last 2 weeks, how often').waitFor();
    expect(await form.getByLabel('When is it given?').inputValue()).toBe('other');
    const items = form.locator('.assess-item');
    expect(await items.count()).toBe(9);
    for (let i = 0; i < 8; i++) await items.nth(i).getByLabel('Not at all').check();
    await form.getByText('8 of 9').waitFor();

    // Item 9 left out: refused next to it, nothing saved, the other answers kept.
    await form.getByRole('button', { name: 'Save the PHQ-9' }).click();
    const item9 = items.nth(8);
    await item9.getByText('Answer item 9.').waitFor();
    await form
      .getByRole('alert')
      .getByText(/Nothing was saved/)
      .waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.assess-item')?.textContent))
      .toContain('better off dead');
    expect(await items.nth(0).getByLabel('Not at all').isChecked()).toBe(true);
    expect(await scoreRows(panel, 'PHQ-9').count()).toBe(before);
    await screenshot(page, '60-assessment-error');
    // What the person sees right after pressing Save: the missed item, scrolled to.
    await page.screenshot({ path: `${artifactsDir}60c-assessment-error-viewport.png` });
    await shoot(form, '60b-assessment-error-form');

    // Item 9 "Several days": saved, with the alert that cannot be missed.
    await item9.getByLabel('Several days').check();
    await form.getByRole('button', { name: 'Save the PHQ-9' }).click();
    const alert = panel.getByRole('alert').filter({ hasText: 'Safety concern' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/suicide-risk protocol/);
    expect(await alert.textContent()).toMatch(/Tell the client’s counselor/);
    await panel.getByRole('heading', { name: 'PHQ-9 saved' }).waitFor();
    await screenshot(page, '61-assessment-safety-alert');
    await shoot(panel.locator('.assess-result'), '61b-assessment-safety-alert');

    // The client's flags show it at once, and the chart has the new point.
    const flags = page.locator('section[aria-labelledby="flags-title"]');
    await flags.getByText('Safety: thoughts of self-harm (PHQ-9 item 9)').waitFor();
    await expect.poll(() => scoreRows(panel, 'PHQ-9').count()).toBe(before + 1);
    const card = panel.locator('section.assess-card', { hasText: 'PHQ-9' });
    expect(await card.locator('.recharts-surface').count()).toBe(1);
    expect(await card.locator('.assess-row--safety').count()).toBeGreaterThan(0);

    // Another, worse: the change is put in words.
    await panel.getByRole('button', { name: 'Give another assessment' }).click();
    await form.getByRole('radio', { name: /^PHQ-9/ }).check();
    for (let i = 0; i < 9; i++) await items.nth(i).getByLabel('More than half the days').check();
    await form.getByText('9 of 9').waitFor();
    await form.getByRole('button', { name: 'Save the PHQ-9' }).click();
    await panel.getByRole('heading', { name: 'PHQ-9 saved' }).waitFor();
    await expect.poll(() => scoreRows(panel, 'PHQ-9').count()).toBe(before + 2);
    if (before === 0) {
      await card.getByText(/^PHQ-9 up 17 points since .+ \(1 → 18\): worse$/).waitFor();
    }
    await panel.getByRole('button', { name: 'Close', exact: true }).click();
    await card.getByText('Show the scores as a table').click();
    await page.mouse.move(0, 0);
    await screenshot(page, '62-client-outcomes');
    await shoot(panel, '62b-client-outcomes-panel');
    await page.context().close();
  });

  it('a counselor gives a BAM at admission and later: days as numbers, three subscales charted', async () => {
    const page = await tabletPage();
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'counselor@demo.homegroup.test');
    await page.waitForURL(`${baseUrl}/`);
    await page.goto(`${baseUrl}/clients`);
    await page.locator('table.table--caseload tbody tr a').nth(1).click();
    const panel = page.getByRole('region', { name: 'Assessments and outcomes' });
    await panel.waitFor();
    await panel.locator('p[role="status"]').waitFor({ state: 'detached' });
    const before = await scoreRows(panel, 'BAM').count();
    const form = panel.getByRole('form', { name: 'Give an assessment' });
    const items = form.locator('.assess-item');

    /** Answers every required BAM item: `days` for the day counts, the nth option for choices. */
    async function giveBam(occasion: string, days: string, option: number) {
      const open = panel.getByRole('button', { name: /Give (an|another) assessment/ });
      if (await open.isVisible()) await open.click();
      await form.getByRole('radio', { name: /^BAM/ }).check();
      await form.getByLabel('When is it given?').selectOption(occasion);
      const count = await items.count();
      for (let i = 0; i < count; i++) {
        const item = items.nth(i);
        const input = item.locator('input[type="number"]');
        if (await input.count()) {
          if (!(await item.textContent())?.includes('(optional)')) await input.fill(days);
        } else {
          const radios = item.locator('input[type="radio"]');
          await radios.nth(Math.min(option, (await radios.count()) - 1)).check();
        }
      }
      await form.getByText('16 of 16').waitFor();
      await form.getByRole('button', { name: 'Save the BAM' }).click();
      await panel.getByRole('heading', { name: 'BAM saved' }).waitFor();
    }

    // A day count out of range is refused beside it, and the typed answers stay.
    await panel.getByRole('button', { name: 'Give an assessment' }).click();
    await form.getByRole('radio', { name: /^BAM/ }).check();
    const nights = form.getByLabel(/How many nights did you have trouble/);
    await nights.fill('45');
    await form.getByRole('button', { name: 'Save the BAM' }).click();
    await form.getByText('Days must be a whole number from 0 to 30.').waitFor();
    expect(await nights.inputValue()).toBe('45');
    // Closed and opened again, the form still has what was typed.
    await form.getByRole('button', { name: 'Close, keep answers' }).click();
    await panel.getByRole('button', { name: 'Give an assessment' }).click();
    expect(await nights.inputValue()).toBe('45');

    await giveBam('admission', '6', 3);
    await panel.locator('.assess-subscales').getByText('Use', { exact: true }).waitFor();
    await shoot(panel.locator('.assess-result'), '64-bam-result');
    await giveBam('other', '0', 1);
    await expect.poll(() => scoreRows(panel, 'BAM').count()).toBe(before + 2);
    const card = panel.locator('section.assess-card', { hasText: 'BAM' });
    if (before === 0) await card.getByText(/^BAM Use down \d+ points? since admission/).waitFor();
    expect(await card.locator('.recharts-line').count()).toBe(3);
    await panel.getByRole('button', { name: 'Close', exact: true }).click();
    await page.mouse.move(0, 0);
    await shoot(panel, '65-bam-chart');
    await page.context().close();
  });

  it('an alumni coordinator gives an AUDIT-C at a follow-up call', async () => {
    const page = await tabletPage();
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'alumni@demo.homegroup.test');
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole('link', { name: 'Alumni & referrals' }).click();
    await page.locator('table.table tbody tr').first().getByRole('link').click();
    const panel = page.getByRole('region', { name: 'Assessments and outcomes' });
    await panel.getByRole('button', { name: 'Give an assessment' }).click();
    const form = panel.getByRole('form', { name: 'Give an assessment' });
    await form.getByRole('radio', { name: /^AUDIT-C/ }).check();
    // Coordinators record at follow-up calls only: the form offers nothing else.
    const occasion = form.getByLabel('When is it given?');
    expect(await occasion.inputValue()).toBe('follow_up');
    expect(await occasion.locator('option').allTextContents()).toEqual([
      'Choose…',
      'At a follow-up call',
    ]);
    const items = form.locator('.assess-item');
    for (let i = 0; i < 3; i++) await items.nth(i).locator('input[type="radio"]').nth(1).check();
    await form.getByRole('button', { name: 'Save the AUDIT-C' }).click();
    await panel.getByRole('heading', { name: 'AUDIT-C saved' }).waitFor();
    await panel.getByRole('button', { name: 'Close', exact: true }).click();
    await panel.locator('section.assess-card', { hasText: 'AUDIT-C' }).waitFor();
    await page.mouse.move(0, 0);
    await shoot(panel, '66-alumnus-outcomes');
    await page.context().close();
  });

  it('an admin switches GAD-7 off and it is no longer offered, then back on', async () => {
    const page = await tabletPage();
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'admin@demo.homegroup.test');
    await page.waitForURL(`${baseUrl}/`);
    await page.goto(`${baseUrl}/settings`);
    const section = page.getByRole('region', { name: 'Assessments' });
    const gad7 = section.getByLabel('Use the GAD-7');
    await gad7.waitFor();
    expect(await gad7.isChecked()).toBe(true);
    try {
      await gad7.uncheck();
      await section.getByRole('status').filter({ hasText: 'GAD-7 is off' }).waitFor();
      expect(await gad7.isChecked()).toBe(false);
      // BARC-10's disputed middle label, reworded for this facility and kept across a reload.
      await section.getByText('Answer labels', { exact: true }).click();
      const answer3 = section.getByLabel(/^Answer 3/);
      expect(await answer3.inputValue()).toBe('Somewhat disagree');
      await answer3.fill('Slightly disagree');
      await section.getByRole('button', { name: 'Save answer labels' }).click();
      await section.getByRole('status').filter({ hasText: 'Answer labels saved' }).waitFor();
      await screenshot(page, '63-instrument-settings');
      await shoot(section, '63b-instrument-settings-section');

      const panel = await openFirstClient(page);
      await panel.getByRole('button', { name: 'Give an assessment' }).click();
      const form = panel.getByRole('form', { name: 'Give an assessment' });
      await form.getByRole('radio', { name: /^PHQ-9/ }).waitFor();
      expect(await form.getByRole('radio', { name: /^GAD-7/ }).count()).toBe(0);
      await form.getByRole('radio', { name: /^BARC-10/ }).check();
      await form.locator('.assess-item').first().getByLabel('Slightly disagree').waitFor();
    } finally {
      await page.goto(`${baseUrl}/settings`);
      await gad7.waitFor();
      if (!(await gad7.isChecked())) {
        await gad7.check();
        await section.getByRole('status').filter({ hasText: 'GAD-7 is on' }).waitFor();
      }
      await section.getByText('Answer labels', { exact: true }).click();
      const answer3 = section.getByLabel(/^Answer 3/);
      if ((await answer3.inputValue()) !== 'Somewhat disagree') {
        await section.getByRole('button', { name: 'Put back the published labels' }).click();
        await section.getByRole('button', { name: 'Save answer labels' }).click();
        await section.getByRole('status').filter({ hasText: 'Answer labels saved' }).waitFor();
      }
    }
    const panel = await openFirstClient(page);
    await panel.getByRole('button', { name: 'Give an assessment' }).click();
    await panel.getByRole('radio', { name: /^GAD-7/ }).waitFor();
    await page.context().close();
  });
});
