/**
 * `npm run screenshots [-- page.html …]`: serves the project with Vite and photographs demo pages in
 * headless Chromium at desktop and phone width, light and dark, into screenshots/ (demo/cdn.html only once
 * `npm run build` has made dist/cdn/).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { chromiumArgs, findChromium } from '../system/find-browser.mjs';

const root = resolve(import.meta.dirname, '../..');
// The drop-in page loads dist/cdn/, which only `npm run build` makes: without it, say so rather than photograph 404s.
const built = existsSync(resolve(root, 'dist/cdn/fjord-elements.js'));
const pages = (process.argv.slice(2).length ? process.argv.slice(2) : ['demo/index.html', 'demo/cdn.html']).filter((path) => {
  if (built || !/cdn\.html$/.test(path)) return true;
  console.log(`${path} loads dist/cdn/, which is not built yet: run npm run build, then npm run screenshots again. Skipped.`);
  return false;
});
const out = resolve(root, 'screenshots');
mkdirSync(out, { recursive: true });

const server = await createServer({ root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
await server.listen();
const base = server.resolvedUrls.local[0];
const browser = await puppeteer.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
try {
  const page = await browser.newPage();
  page.on('console', (m) => m.type() === 'warn' || m.type() === 'error' ? console.log(`[${m.type()}] ${m.text()}`) : undefined);
  page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
  page.on('response', (r) => (r.status() >= 400 ? console.log(`[${r.status()}] ${r.url()}`) : undefined));
  for (const path of pages) {
    for (const [label, width, height] of [['wide', 1280, 900], ['phone', 390, 844]]) {
      for (const scheme of ['light', 'dark']) {
        await page.setViewport({ width, height, deviceScaleFactor: 1 });
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        await page.goto(new URL(path, base).href, { waitUntil: 'networkidle0' });
        await new Promise((r) => setTimeout(r, 300));
        const file = resolve(out, `${path.replace(/\W+/g, '-')}-${label}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
