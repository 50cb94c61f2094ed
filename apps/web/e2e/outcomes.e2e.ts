import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bundleShape } from '../../../packages/api/src/fhir/fhir-shapes';
import { launchBrowser, screenshot, signIn } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function signedIn(email: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await signIn(page, email);
  await page.waitForURL(`${baseUrl}/`);
  return page;
}

function card(page: Page, indicator: string) {
  return page.locator(`[data-indicator="${indicator}"]`);
}

describe('a clinical director reads the outcome dashboard', () => {
  it('sets a range and a program, reads a tooltip against the table, downloads a CSV and a FHIR bundle', async () => {
    const page = await signedIn('admin@demo.homegroup.test');
    await page.getByRole('link', { name: 'Outcomes' }).click();
    await page.getByRole('heading', { name: 'Outcomes', exact: true }).waitFor();
    await card(page, 'census').locator('.recharts-wrapper > svg.recharts-surface').waitFor();
    await screenshot(page, '70-outcomes-default');

    // A range the wrong way round is refused in plain words, and nothing else changes.
    await page.getByLabel('From').fill('2026-12-01');
    await page.getByText('The end date is before the start date.').first().waitFor();
    await screenshot(page, '71-outcomes-bad-range');

    // Set a six-month range and the first program track.
    const to = await page.getByLabel('To').inputValue();
    const from = `${Number(to.slice(0, 4)) - (to.slice(5, 7) <= '06' ? 1 : 0)}-${String(((Number(to.slice(5, 7)) + 5) % 12) + 1).padStart(2, '0')}-01`;
    await page.getByLabel('From').fill(from);
    await page.waitForURL(new RegExp(`from=${from}`));
    const track = page.getByLabel('Program track');
    const firstTrack = await track.locator('option').nth(1).getAttribute('value');
    expect(firstTrack).toBeTruthy();
    await track.selectOption(firstTrack as string);
    await page.waitForURL(/track=/);
    await page.locator('.indicator-grid[aria-busy="false"]').waitFor();
    await page.getByText(new RegExp(`for ${from} to ${to}`)).waitFor();

    // Hover the attendance chart: the tooltip says "n of d, n = people".
    const attendance = card(page, 'attendance');
    const chart = attendance.locator('.recharts-wrapper > svg.recharts-surface');
    const box = await chart.boundingBox();
    if (!box) throw new Error('no attendance chart');
    let tooltip = '';
    for (const share of [0.5, 0.6, 0.4, 0.7, 0.3]) {
      await page.mouse.move(box.x + box.width * share, box.y + box.height / 2);
      const shown = attendance.locator('.chart-tooltip');
      if (await shown.isVisible()) {
        // The heading, then one line per series.
        const lines = [
          (await shown.locator('strong').textContent()) ?? '',
          ...(await shown.locator('div').allTextContents()),
        ];
        tooltip = lines.join('\n');
        if (/Attendance rate: [\d.]+% — \d+ of \d+, n = \d+/.test(tooltip)) break;
      }
    }
    const match = tooltip.match(
      /^(.*)\n[\s\S]*Attendance rate: ([\d.]+%) — (\d+) of (\d+), n = (\d+)/,
    );
    expect(match, `tooltip was: ${tooltip}`).toBeTruthy();
    const [, weekLabel, percent, numerator, denominator] = match as RegExpMatchArray;
    expect(Number(numerator)).toBeLessThanOrEqual(Number(denominator));
    expect(((Number(numerator) / Number(denominator)) * 100).toFixed(1)).toBe(
      percent?.replace('%', ''),
    );
    await screenshot(page, '72-outcomes-tooltip');

    // The same figures in the table alternative.
    await attendance.getByText('Show the figures as a table').click();
    const row = attendance.locator('table tbody tr', { hasText: weekLabel as string });
    await expect.poll(() => row.textContent()).toContain(`${numerator} of ${denominator}`);
    await attendance.getByText('How it is counted').click();
    await attendance.getByText(/Sessions clients were expected at/).waitFor();
    await screenshot(page, '73-outcomes-definition-and-table');

    // The CSV holds the same numerator and denominator for that week.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      attendance.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    const csv = await readFile((await download.path()) as string, 'utf8');
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('"Sessions held and attendance rate"');
    expect(csv).toContain(firstTrack as string);
    const csvRow = csv
      .split('\r\n')
      .find((l) => l.includes(`"Week of ${weekLabel}`) || l.startsWith(`"${weekLabel}`));
    expect(csvRow, csv).toBeTruthy();
    expect(csvRow).toContain(`"${numerator}","${denominator}"`);

    // A PNG of the chart.
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      attendance.getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    const bytes = await readFile((await png.path()) as string);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');

    // A client's FHIR bundle, checked against the resource shapes we rely on.
    await page.getByRole('link', { name: 'Clients' }).click();
    await page.locator('table.table--caseload tbody tr a').first().click();
    await page.getByRole('link', { name: /FHIR/ }).waitFor();
    const [fhir] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /FHIR/ }).click(),
    ]);
    const bundle = bundleShape.parse(
      JSON.parse(await readFile((await fhir.path()) as string, 'utf8')),
    );
    const kinds = new Set(bundle.entry.map((e) => e.resource.resourceType));
    expect(kinds.has('Patient')).toBe(true);
    expect(kinds.has('Encounter')).toBe(true);
    await page.context().close();
  });
});

describe('a counselor sees their own caseload only', () => {
  it('has no counselor or facility filter', async () => {
    const page = await signedIn('counselor@demo.homegroup.test');
    await page.getByRole('link', { name: 'Outcomes' }).click();
    await page.getByRole('heading', { name: 'Outcomes: my caseload' }).waitFor();
    await card(page, 'census').waitFor();
    expect(await page.getByLabel('Counselor').count()).toBe(0);
    expect(await page.getByLabel('Facility', { exact: true }).count()).toBe(0);
    await screenshot(page, '74-outcomes-counselor');
    await page.context().close();
  });
});
