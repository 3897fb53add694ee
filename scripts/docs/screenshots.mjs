/**
 * `node scripts/docs/screenshots.mjs [page.html …]`: photographs the built docs site (npm run build:docs) in headless
 * Chromium at desktop and phone width, light and dark, into screenshots/docs-*.png. The site is served under a
 * sub-path, as a static host might.
 * `node scripts/docs/screenshots.mjs --readme` instead photographs the overview's widget gallery, light, into
 * docs/assets/widgets.png: the README's picture (run it through `convert -colors 256` to keep it small).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, findChromium } from '../system/find-browser.mjs';
import { serveDocs } from './server.mjs';

const readme = process.argv.includes('--readme');
const args = process.argv.slice(2).filter((a) => a !== '--readme');
const pages = args.length ? args : ['index.html', 'photo.html'];
const out = resolve(import.meta.dirname, '../../screenshots');
mkdirSync(out, { recursive: true });
const server = await serveDocs({ prefix: '/fjord/docs/', port: Number(process.env.PORT ?? 0) });
const browser = await puppeteer.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
try {
  const page = await browser.newPage();
  page.on('console', (m) => (m.type() === 'warn' || m.type() === 'error' ? console.log(`[${m.type()}] ${m.text()}`) : undefined));
  page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
  if (readme) {
    await page.setViewport({ width: 1180, height: 900, deviceScaleFactor: 1 });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await page.goto(server.base + 'index.html', { waitUntil: 'networkidle0' });
    await new Promise((r) => setTimeout(r, 500));
    const file = resolve(import.meta.dirname, '../../docs/assets/widgets.png');
    await (await page.$('.gallery')).screenshot({ path: file });
    console.log(file);
    pages.length = 0;
  }
  for (const path of pages) {
    for (const [label, width, height] of [['wide', 1280, 900], ['phone', 390, 844]]) {
      for (const scheme of ['light', 'dark']) {
        await page.setViewport({ width, height, deviceScaleFactor: 1 });
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        await page.goto(server.base + path, { waitUntil: 'networkidle0' });
        // Scroll through once, so lazy images and frames load before the full-page picture is taken.
        await page.evaluate(async () => {
          for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
            scrollTo(0, y);
            await new Promise((r) => setTimeout(r, 60));
          }
          scrollTo(0, 0);
        });
        await page.waitForNetworkIdle({ idleTime: 500 }).catch(() => {});
        await new Promise((r) => setTimeout(r, 500));
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
