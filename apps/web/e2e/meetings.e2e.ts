import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleFeedsDir } from '@homegroup/core/sample-feeds';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from './browser';

const baseUrl = inject('baseUrl');
const SHOTS = '/tmp/shots';
const ROWS = 2500;
const BROKEN = 9;
const TUESDAY = 2;
let browser: Browser;
let workDir: string;

/**
 * A made-up Meeting Guide feed: 2,500 meetings in the fictional town of Brindlewick Springs (one in ten
 * online only, without a position), a few 12-hour times to repair, and 9 rows without a name.
 */
function syntheticFeed(first = 0, size = ROWS, broken = BROKEN) {
  const rows: Record<string, unknown>[] = [];
  for (let i = first; i < first + size; i++) {
    const hour = 6 + (i % 15);
    const row: Record<string, unknown> = {
      slug: `e2e-${i}`,
      name: `Brindlewick Hall ${i}`,
      group: `Brindlewick Group ${i % 40}`,
      day: i % 7,
      time: i % 50 === 0 ? '7:00 PM' : `${String(hour).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
      types: [
        ['O', 'D'],
        ['C', 'BB'],
        ['O', 'SP', 'W'],
        ['C', 'ST', 'S'],
        ['O', 'BE', 'Y'],
      ][i % 5],
    };
    if (i % 10 === 0) {
      row.conference_url = `https://zoom.us/j/${1_000_000 + i}`;
    } else {
      Object.assign(row, {
        location: `Brindlewick Hall, room ${1 + (i % 12)}`,
        address: `${100 + i} Elm Street`,
        city: 'Brindlewick Springs',
        state: 'CO',
        postal_code: '80299',
        // Far from the demo directory around Denver, so no other test finds these meetings.
        latitude: 44.05 + (i % 50) * 0.002,
        longitude: -103.25 - (i % 37) * 0.002,
      });
    }
    rows.push(row);
  }
  for (let j = 0; j < broken; j++) rows.push({ slug: `e2e-broken-${j}`, day: 1, time: '19:00' });
  return JSON.stringify(rows);
}

const count = (n: number) => n.toLocaleString('en-US');
const matching = (test: (i: number) => boolean) =>
  Array.from({ length: ROWS }, (_, i) => i).filter(test).length;

beforeAll(async () => {
  browser = await launchBrowser();
  workDir = await mkdtemp(join(tmpdir(), 'homegroup-e2e-feeds-'));
  await mkdir(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser.close();
  await rm(workDir, { recursive: true, force: true });
});

async function signedIn(login: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    timezoneId: 'America/Denver',
  });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await signIn(page, `${login}@demo.homegroup.test`);
  await page.waitForURL(`${baseUrl}/`);
  return page;
}

/** Notes whether a progress bar was ever on the page, and the words beside it. */
async function watchProgress(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { sawProgress: boolean; progressWords: string[] };
    w.sawProgress = false;
    w.progressWords = [];
    const look = () => {
      if (document.querySelector('progress')) w.sawProgress = true;
      const words = document.querySelector('.import-progress__words')?.textContent;
      if (words && w.progressWords.at(-1) !== words) w.progressWords.push(words);
    };
    new MutationObserver(look).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
}

const progressSeen = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { sawProgress: boolean; progressWords: string[] };
    return { saw: w.sawProgress, words: w.progressWords };
  });

describe('the community meeting directory', () => {
  it('lets a coordinator add a feed, import it with progress, see failures plainly and search', async () => {
    const page = await signedIn('alumni');
    await page.getByRole('link', { name: 'Community meetings' }).click();
    await page.getByRole('heading', { name: 'Community meetings', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Feeds' }).waitFor();

    // Add an upload feed.
    const addFeed = page.locator('details', {
      has: page.locator('summary', { hasText: 'Add a feed' }),
    });
    if ((await addFeed.getAttribute('open')) === null) {
      await addFeed.locator('summary').click();
    }
    // The server's words beside the field; nothing is added.
    await addFeed.getByRole('button', { name: 'Add the feed' }).click();
    await addFeed.getByText('Give the feed a name.').waitFor();
    await addFeed.getByLabel('Name of the feed').fill('E2E upload');
    await addFeed.getByLabel('A file I upload').check();
    await addFeed.getByRole('button', { name: 'Add the feed' }).click();
    await page.getByText('Added “E2E upload”').waitFor();
    const row = page.locator('table.table--feeds tbody tr', { hasText: 'E2E upload' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Never');

    // Import 2,500 meetings: the progress bar shows, then the report.
    const feedPath = join(workDir, 'brindlewick.json');
    await writeFile(feedPath, syntheticFeed());
    await watchProgress(page);
    await page.getByLabel('Import a file… into E2E upload').setInputFiles(feedPath);
    const report = page.locator('.import-report');
    await report
      .getByText(
        `Imported ${count(ROWS)} · Updated 0 · Unchanged 0 · Retired 0 · Skipped ${BROKEN}`,
      )
      .waitFor({ timeout: 45_000 });
    const seen = await progressSeen(page);
    expect(seen.saw).toBe(true);
    expect(seen.words.join(' | ')).toMatch(/Sending the file|Checking|Saving meetings/);
    await report.getByText('12-hour times ("8:00 PM") were converted to 24-hour times.').waitFor();
    expect(await report.locator('tbody tr').count()).toBe(BROKEN);
    expect(await report.locator('tbody tr').first().textContent()).toContain('no name');
    await expect.poll(() => row.textContent()).toContain(count(ROWS));
    await screenshot(page, '60-meetings-import');
    await page.screenshot({ path: `${SHOTS}/meetings-import.png`, fullPage: true });

    // A broken file: the server's words, and the directory is left alone.
    await page
      .getByLabel('Import a file… into E2E upload')
      .setInputFiles(join(sampleFeedsDir(), 'invalid.json'));
    const alert = page.locator('.import-failed[role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/not valid JSON/);
    expect(await alert.textContent()).toMatch(/left as it was/);
    await expect.poll(() => row.textContent()).toMatch(/Failed: .*not valid JSON/);
    expect(await row.textContent()).toContain(count(ROWS));
    await page.screenshot({ path: `${SHOTS}/meetings-import-failed.png`, fullPage: true });

    // The same file again, held back on its way: the upload phase has a labelled bar, and
    // nothing in the directory changes.
    await page.route('**/import/meetings/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.getByLabel('Import a file… into E2E upload').setInputFiles(feedPath);
    const bar = page.getByRole('progressbar', {
      name: /^Sending the file \(\d+ KB\) to Homegroup…$/,
    });
    await bar.waitFor();
    await page.locator('.import-progress').screenshot({ path: `${SHOTS}/meetings-progress.png` });
    await report
      .getByText(
        `Imported 0 · Updated 0 · Unchanged ${count(ROWS)} · Retired 0 · Skipped ${BROKEN}`,
      )
      .waitFor({ timeout: 45_000 });
    await page.unroute('**/import/meetings/**');

    // Search by weekday and text: only Tuesday's Brindlewick Hall meetings.
    const tuesdays = matching((i) => i % 7 === TUESDAY);
    await page.getByRole('checkbox', { name: 'Tuesday', exact: true }).check();
    await page.getByLabel('Name, place or group').fill('Brindlewick');
    await page.waitForURL(/days=2.*q=Brindlewick/);
    const results = page.locator('table.table--meetings tbody tr');
    const resultCount = page.locator('.result-count');
    await expect
      .poll(() => resultCount.textContent())
      .toBe(`${count(tuesdays)} meetings match this search`);
    await page.locator('table.table--meetings[aria-busy="false"]').waitFor();
    expect(await results.count()).toBe(25);
    for (const text of await results.locator('td:first-child strong').allTextContents()) {
      expect(text).toBe('Tuesday');
    }
    expect(await results.first().textContent()).toContain('Brindlewick Hall');
    expect(await page.locator('.pager').textContent()).toContain(
      `Page 1 of ${Math.ceil(tuesdays / 25)}`,
    );

    // Near a place found among the directory's own meetings, within 10 miles.
    const near = page.getByRole('combobox', { name: 'Near' });
    await near.fill('Brindlewick Sp');
    await page.getByRole('option', { name: /^Brindlewick Springs\s*city/ }).click();
    await page.waitForURL(/near=.*within=10.*sort=distance/);
    const placed = tuesdays - matching((i) => i % 7 === TUESDAY && i % 10 === 0);
    await expect
      .poll(() => resultCount.textContent())
      .toBe(`${count(placed)} meetings match this search · measured from Brindlewick Springs`);
    await page
      .getByText(
        `${count(tuesdays - placed)} meetings that match have no position in their feed, so they cannot be placed by distance.`,
      )
      .waitFor();
    await page.locator('table.table--meetings[aria-busy="false"]').waitFor();
    expect(await results.first().locator('td').last().textContent()).toMatch(/^\d+\.\d mi$/);
    // Format names in Spanish.
    await page.getByRole('button', { name: 'Español' }).click();
    await page.waitForURL(/names=es/);
    await page.locator('.meeting-chip', { hasText: 'Abierta' }).first().waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, '61-meetings-search');
    await page.screenshot({ path: `${SHOTS}/meetings-search.png`, fullPage: true });

    // The link opens the same search.
    const shared = page.url();
    await page.goto(shared);
    await expect.poll(() => resultCount.textContent()).toContain(count(placed));
    expect(await near.inputValue()).toBe('Brindlewick Springs');

    // A meeting by hand: what is missing is said beside each field, and nothing is saved.
    const byHand = page.locator('details', {
      has: page.locator('summary', { hasText: 'Add a meeting by hand' }),
    });
    await byHand.locator('summary').click();
    await byHand.getByRole('button', { name: 'Save the meeting' }).click();
    await byHand.getByText('Choose the day, or “No fixed day”.').waitFor();
    await byHand.getByLabel('Day').selectOption({ label: 'Thursday' });
    await byHand.getByLabel('Starts at').fill('19:30');
    await byHand.getByRole('button', { name: 'Save the meeting' }).click();
    await byHand.getByText('Give the meeting a name.').waitFor();
    await byHand.getByLabel('Name of the meeting').fill('E2E meeting never saved');
    await byHand.getByRole('button', { name: 'Save the meeting' }).click();
    await byHand.getByText('Give an address, an online link or a dial-in number.').waitFor();
    expect(await byHand.getByText(/^Saved “/).count()).toBe(0);

    // Leave the directory as the other tests expect it: a feed of one in-person meeting, far
    // away, retires the rest.
    await page.getByRole('button', { name: 'Clear the search' }).first().click();
    const smallPath = join(workDir, 'brindlewick-one.json');
    await writeFile(smallPath, syntheticFeed(1, 1, 0));
    await page.getByLabel('Import a file… into E2E upload').setInputFiles(smallPath);
    await report
      .getByText(`Imported 0 · Updated 0 · Unchanged 1 · Retired ${count(ROWS - 1)} · Skipped 0`)
      .waitFor({ timeout: 45_000 });
    await page
      .getByText(`${count(ROWS - 1)} meetings no longer in the feed were retired`)
      .waitFor();
    await page.context().close();
  });

  it('lets a counselor search but not manage the feeds', async () => {
    const page = await signedIn('counselor');
    await page.getByRole('link', { name: 'Community meetings' }).click();
    await page.getByRole('heading', { name: 'Community meetings', level: 1 }).waitFor();
    await page.locator('table.table--meetings tbody tr').first().waitFor();
    await page.getByRole('checkbox', { name: 'Wednesday', exact: true }).check();
    await page.waitForURL(/days=3/);
    await page.locator('table.table--meetings[aria-busy="false"]').waitFor();
    await expect
      .poll(async () =>
        (
          await page.locator('table.table--meetings tbody td:first-child strong').allTextContents()
        ).every((d) => d === 'Wednesday'),
      )
      .toBe(true);
    expect(await page.locator('table.table--meetings tbody tr').count()).toBeGreaterThan(0);
    // Formats: a list of the codes in the directory, by name.
    await page.getByLabel(/^Formats: /).click();
    await page.getByRole('checkbox', { name: /^Open/ }).check();
    await page.waitForURL(/type=O(&|$)/);
    await page.screenshot({ path: `${SHOTS}/meetings-formats.png` });
    await page.keyboard.press('Escape');
    await page.locator('table.table--meetings[aria-busy="false"]').waitFor();
    expect(await page.locator('table.table--meetings tbody tr').first().textContent()).toContain(
      'Open',
    );
    expect(await page.getByRole('heading', { name: 'Feeds' }).count()).toBe(0);
    expect(await page.getByText('Import a file…').count()).toBe(0);
    expect(await page.getByText('Add a meeting by hand').count()).toBe(0);
    await page.context().close();
  });
});
