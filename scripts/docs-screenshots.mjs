/**
 * `node scripts/docs-screenshots.mjs [page.html …]`: photographs the built docs site (npm run build:docs) in headless
 * Chromium at desktop and phone width, light and dark, into screenshots/docs-*.png. The site is served under a
 * sub-path, as a static host might.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, findChromium } from './find-browser.mjs';
import { serveDocs } from './docs-server.mjs';

const pages = process.argv.slice(2).length ? process.argv.slice(2) : ['index.html', 'photo.html'];
const out = resolve(import.meta.dirname, '../screenshots');
mkdirSync(out, { recursive: true });
const server = await serveDocs({ prefix: '/fjord/docs/', port: Number(process.env.PORT ?? 0) });
const browser = await puppeteer.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
try {
  const page = await browser.newPage();
  page.on('console', (m) => (m.type() === 'warn' || m.type() === 'error' ? console.log(`[${m.type()}] ${m.text()}`) : undefined));
  page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
  for (const path of pages) {
    for (const [label, width, height] of [['wide', 1280, 900], ['phone', 390, 844]]) {
      for (const scheme of ['light', 'dark']) {
        await page.setViewport({ width, height, deviceScaleFactor: 1 });
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        await page.goto(server.base + path, { waitUntil: 'networkidle0' });
        await new Promise((r) => setTimeout(r, 400));
        const file = resolve(out, `docs-${path.replace(/\W+/g, '-')}-${label}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: process.env.FULL !== '0' });
        console.log(file);
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
