import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { median, percentile } from '@homegroup/core';
import { expect, inject, it } from 'vitest';
import { launchBrowser, signIn } from '../e2e/browser';

const baseUrl = inject('baseUrl');
const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
const RUNS = 15;

/** The JavaScript a browser fetches before the first screen: the entry and what it preloads. */
async function initialJavaScript() {
  const html = await readFile(`${distDir}index.html`, 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map(
    (m) => m[1] as string,
  );
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = await readFile(`${distDir}${file}`);
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { files, raw, gzip };
}

it('measures the initial JavaScript and the time to the first outcome chart', async () => {
  const js = await initialJavaScript();
  const browser = await launchBrowser();
  const timings: number[] = [];
  const coldTimings: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      // A fresh context each time: nothing cached, as on a first visit to the dashboard.
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/login`);
      await signIn(page, 'admin@demo.homegroup.test');
      await page.waitForURL(`${baseUrl}/`);
      const outcomesChunk = page.waitForResponse((r) =>
        /\/assets\/outcomes-page-.*\.js$/.test(r.url()),
      );
      const started = performance.now();
      await page.getByRole('link', { name: 'Outcomes' }).click();
      await page.locator('[data-indicator] svg.recharts-surface').first().waitFor();
      const elapsed = performance.now() - started;
      // The dashboard's code arrives only when the route is opened.
      expect((await outcomesChunk).ok()).toBe(true);
      (run === 0 ? coldTimings : timings).push(elapsed);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const table = [
    [
      'initial JavaScript (entry + preloads)',
      `${(js.gzip / 1024).toFixed(1)} kB gzip (${(js.raw / 1024).toFixed(0)} kB raw, ${js.files.length} files)`,
    ],
    ['Outcomes link → first chart drawn, first run (ms)', coldTimings[0]?.toFixed(0) ?? '—'],
    [
      `same, next ${timings.length} runs: median (p95) ms`,
      `${median(timings).toFixed(0)} (${percentile(timings, 95).toFixed(0)})`,
    ],
  ];
  console.log(
    `\nSPA on the built app, Chromium, demo data on embedded PostgreSQL\n${table.map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`,
  );
  expect(js.files.length).toBeGreaterThan(0);
});
