/**
 * Headless Chromium for report tests: Debian's /usr/bin/chromium driven by playwright-core
 * (no browser download). `screenshotPage` opens an HTML file, records console errors, page
 * errors and every non-file request (a self-contained report makes none), and saves a
 * full-page PNG. `chromiumMissing()` gives the reason to skip when the browser is absent.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM) ? null : `${CHROMIUM} is not installed (apt-get install -y chromium)`;
}

export interface PageCheck {
  readonly errors: string[];
  /** Requests to anything but the page's own file. */
  readonly external: string[];
  readonly title: string;
  /** Rendered width in CSS px of every inline SVG chart. */
  readonly chartWidths: number[];
  /** Byte size of the PNG. */
  readonly pngBytes: number;
}

export async function screenshotPage(htmlFile: string, pngFile: string, width = 1280): Promise<PageCheck> {
  const profile = mkdtempSync(join(tmpdir(), 'mw-chromium-'));
  // A fresh profile directory per run (playwright passes it as --user-data-dir).
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    const external: string[] = [];
    const own = pathToFileURL(htmlFile).href;
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => {
      if (r.url() !== own) external.push(r.url());
    });
    await page.goto(own, { waitUntil: 'load' });
    const png = await page.screenshot({ path: pngFile, fullPage: true });
    const chartWidths = await page.$$eval('svg.chart', (els) => els.map((e) => e.getBoundingClientRect().width));
    return { errors, external, title: await page.title(), chartWidths, pngBytes: png.length };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
