/**
 * The demo pages are what people judge the library by: Lighthouse's SEO and best-practices audits pass on both, in the
 * system's Chromium. The drop-in page shows one broken image on purpose (the photo's fallback); the console error and
 * the 404 that image causes are the only failures allowed, and only there.
 */
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { createServer } from 'vite';
import { chromiumArgs, findChromium } from '../../scripts/system/find-browser.mjs';

const root = resolve(import.meta.dirname, '../..');
let server;
let chrome;
let base;

before(async () => {
  server = await createServer({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', hmr: false },
  });
  await server.listen();
  base = server.resolvedUrls.local[0];
  chrome = await chromeLauncher.launch({ chromePath: findChromium(), chromeFlags: chromiumArgs });
});

after(async () => {
  await chrome?.kill();
  await server?.close();
});

/** Failing audits of the SEO and best-practices categories, as "category/audit: title". */
async function failures(path) {
  const { lhr } = await lighthouse(new URL(path, base).href, {
    port: chrome.port,
    onlyCategories: ['seo', 'best-practices'],
    logLevel: 'error',
    output: 'json',
  });
  const failed = [];
  for (const [id, category] of Object.entries(lhr.categories)) {
    for (const { id: audit } of category.auditRefs) {
      const result = lhr.audits[audit];
      if (result.scoreDisplayMode !== 'notApplicable' && result.scoreDisplayMode !== 'informative' && result.scoreDisplayMode !== 'manual' && result.score !== null && result.score < 1) {
        failed.push({ name: `${id}/${audit}`, title: result.title, items: result.details?.items ?? [] });
      }
    }
  }
  return failed;
}

test('the demo story passes every SEO and best-practices audit', async () => {
  const failed = await failures('demo/index.html');
  assert.deepEqual(failed.map((f) => `${f.name}: ${f.title} ${JSON.stringify(f.items).slice(0, 600)}`), []);
});

test('the drop-in page passes them too, but for the image it breaks on purpose', async () => {
  const failed = await failures('demo/cdn.html');
  const broken = (item) => /does-not-exist\.jpg/.test(JSON.stringify(item));
  const others = failed.filter((f) => !(f.name === 'best-practices/errors-in-console' && f.items.every(broken)));
  assert.deepEqual(others.map((f) => `${f.name}: ${f.title} ${JSON.stringify(f.items).slice(0, 300)}`), []);
});
