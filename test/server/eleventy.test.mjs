// examples/eleventy built as a consumer builds it: `npm pack`, the tarball installed into a copy of the example
// (Eleventy 3 and Lit's SSR packages from the npm cache, --prefer-offline), then `eleventy` twice — the drop-in site
// and the server-rendered one (FJORD_SSR=1) — and both opened in Chromium (puppeteer-core, the system's browser).
// The widget scripts are served 700 ms late, so the page is laid out and painted before they upgrade or hydrate it.
// Needs `npm run build` first (npm test does it). About a minute, most of it npm install.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, findChromium } from '../../scripts/find-browser.mjs';

const root = resolve(import.meta.dirname, '../..');
const TAGS = ['fjord-photo', 'fjord-article-card', 'fjord-fact-box', 'fjord-cluster-badge', 'fjord-newsletter-signup'];
const HEADLINES = [
  'Ny "Arena Pro"-klynge: Rana & Helgeland <samler> seg',
  "Klyngen som vil gjøre Helgeland til et grønt industrisenter: 'Vi må <ikke> vente'",
  'Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenhersteller',
];
const LATE = /^\/(fjord-elements\/fjord-elements\.js|modules\/fjord-elements\/index\.js)$/;
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

function run(command, args, cwd, env = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

function serve(dir) {
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    let file = join(dir, decodeURIComponent(path));
    if (existsSync(file) && !extname(file)) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) return res.writeHead(404).end();
    const send = () => res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    if (LATE.test(path)) setTimeout(send, 700);
    else send();
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server)));
}

let dir;
let browser;
const sites = {};

before(async () => {
  for (const file of ['dist/npm/ssr/ssr.js', 'dist/cdn/fjord-elements.js']) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  }
  dir = mkdtempSync(join(tmpdir(), 'fjord-eleventy-'));
  const [{ filename }] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], root));
  const app = join(dir, 'app');
  cpSync(join(root, 'examples/eleventy'), app, { recursive: true, filter: (src) => !/[/\\](node_modules|_site[^/\\]*)$/.test(src) });
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(dir, filename)], app);
  const eleventy = join(app, 'node_modules/@11ty/eleventy/cmd.cjs');
  run(process.execPath, [eleventy, '--quiet'], app);
  run(process.execPath, [eleventy, '--quiet'], app, { FJORD_SSR: '1' });
  for (const [name, out] of [['dropIn', '_site'], ['ssr', '_site-ssr']]) {
    const server = await serve(join(app, out));
    sites[name] = { server, url: `http://127.0.0.1:${server.address().port}` };
  }
  browser = await puppeteer.launch({ executablePath: findChromium(), args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  for (const { server } of Object.values(sites)) server.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Opens a page, records what it logs, and waits until every widget on it is defined and rendered. */
async function open(url, { javaScript = true } = {}) {
  const page = await browser.newPage();
  await page.setViewport({ width: 800, height: 2400 });
  const logged = [];
  page.on('pageerror', (e) => logged.push(`pageerror: ${e.message}`));
  page.on('console', (m) => ['error', 'warn', 'warning'].includes(m.type()) && logged.push(`${m.type()}: ${m.text()}`));
  page.on('requestfailed', (r) => logged.push(`failed: ${r.url()}`));
  await page.setJavaScriptEnabled(javaScript);
  // Layout shifts, recorded by the page itself; the test counts those from the moment the widget script arrives (see
  // `upgradeShifts`).
  await page.evaluateOnNewDocument(() => {
    window.layoutShifts = [];
    new PerformanceObserver((list) => window.layoutShifts.push(...list.getEntries())).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  if (javaScript) {
    await page.waitForFunction(
      (tags) => [...document.querySelectorAll(tags.join(','))].every((el) => customElements.get(el.localName) && el.hasUpdated),
      { timeout: 15000 },
      TAGS,
    );
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  }
  return { page, logged };
}

/**
 * The layout shifts from the moment the delayed widget script arrived (its response's first byte): what upgrading or
 * hydrating the widgets moved. Shifts before it are the page's own parsing, which the widgets have no part in: under
 * load Chromium can paint a page half-parsed, and a block whose heading has not arrived yet then sits 4 px higher
 * than once it has (its margin collapses differently), which CI saw at times. What moved, where from and to, and when,
 * is in `moved`, so a failure tells a real shift from a race.
 */
const upgradeShifts = (page) =>
  page.evaluate((late) => {
    const script = performance.getEntriesByType('resource').find((e) => new RegExp(late).test(new URL(e.name).pathname));
    const arrived = script?.responseStart ?? 0;
    const seen = window.layoutShifts.filter((e) => e.startTime >= arrived);
    const where = (r) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
    const name = (node) => (node?.nodeType == 3 ? `text "${node.data.trim().slice(0, 30)}" in <${node.parentNode?.localName}>` : `<${node?.localName ?? '?'}>`);
    const moved = seen.flatMap((e) =>
      e.sources.map((s) => `${e.value.toFixed(4)} at ${Math.round(e.startTime)} ms: ${name(s.node)} ${where(s.previousRect)} → ${where(s.currentRect)}`),
    );
    return { arrived: Math.round(arrived), shifts: seen.reduce((sum, e) => sum + e.value, 0), moved };
  }, LATE.source);

/** Per widget: how many times its first part occurs in its shadow root, and whether the server's markers are there. */
const renderings = (page) =>
  page.evaluate(
    (tags) =>
      [...document.querySelectorAll(tags.join(','))].map((el) => {
        const first = el.shadowRoot?.querySelector('[part]')?.getAttribute('part');
        let markers = 0;
        if (el.shadowRoot) {
          const walker = document.createTreeWalker(el.shadowRoot, NodeFilter.SHOW_COMMENT);
          while (walker.nextNode()) if (walker.currentNode.data.startsWith('lit-part')) markers++;
        }
        return { tag: el.localName, count: first ? el.shadowRoot.querySelectorAll(`[part="${first}"]`).length : 0, markers };
      }),
    TAGS,
  );

const partTexts = (page, tag, part) =>
  page.evaluate((tag, part) => [...document.querySelectorAll(tag)].map((el) => el.shadowRoot.querySelector(`[part~=${part}]`).textContent.replace(/\s+/g, ' ').trim()), tag, part);

for (const build of ['dropIn', 'ssr']) {
  describe(`examples/eleventy, ${build == 'ssr' ? 'server-rendered and hydrated' : 'drop-in'}`, () => {
    for (const path of ['/story/', '/']) {
      it(`${path}: every widget upgrades once, nothing logged, nothing shifts`, async () => {
        const { page, logged } = await open(sites[build].url + path);
        try {
          const widgets = await renderings(page);
          assert.ok(widgets.length >= (path == '/' ? 3 : 4), `widgets on ${path}: ${widgets.length}`);
          for (const { tag, count, markers } of widgets) {
            assert.equal(count, 1, `${tag} rendered ${count} times`);
            if (build == 'ssr') assert.ok(markers > 0, `${tag} took the server's markup over`);
          }
          assert.deepEqual(logged, []);
          const { arrived, shifts, moved } = await upgradeShifts(page);
          assert.ok(arrived > 700, `the widget script arrived at ${arrived} ms, not after its 700 ms delay`);
          assert.equal(shifts, 0, `layout shift from the widget script's arrival on:\n${moved.join('\n')}`);
        } finally {
          await page.close();
        }
      });
    }

    it('shows the Nunjucks-escaped card values as text, and the dates in the reader’s terms', async () => {
      const { page } = await open(sites[build].url + '/');
      try {
        assert.deepEqual(await partTexts(page, 'fjord-article-card', 'headline'), HEADLINES);
        const [recent, old] = await partTexts(page, 'fjord-article-card', 'published');
        assert.equal(recent, 'for 3 timer siden');
        assert.equal(old, '10. juni 2021');
        // The long word breaks inside its card.
        const overflow = await page.evaluate(() => {
          const card = document.querySelectorAll('fjord-article-card')[2];
          const range = document.createRange();
          range.selectNodeContents(card.shadowRoot.querySelector('[part=headline]'));
          return range.getBoundingClientRect().right - card.getBoundingClientRect().right;
        });
        assert.ok(overflow <= 1, `the long headline runs ${overflow}px past its card`);
      } finally {
        await page.close();
      }
    });
  });
}

describe('examples/eleventy, server-rendered, with JavaScript off', () => {
  it('reads right: widgets drawn, dates absolute, the photo above its caption', async () => {
    for (const path of ['/story/', '/']) {
      const { page, logged } = await open(sites.ssr.url + path, { javaScript: false });
      try {
        const seen = await page.evaluate((tags) => {
          const all = [...document.querySelectorAll(tags.join(','))];
          const photo = document.querySelector('fjord-photo');
          const img = photo?.querySelector('img');
          const caption = photo?.shadowRoot.querySelector('[part=caption]');
          return {
            defined: all.filter((el) => customElements.get(el.localName)).length,
            withRoot: all.filter((el) => el.shadowRoot && el.getBoundingClientRect().height > 10).length,
            all: all.length,
            published: [...document.querySelectorAll('fjord-article-card')].map((el) => el.shadowRoot.querySelector('[part=published]').textContent.trim()),
            photo: img ? { slot: img.assignedSlot?.name, above: img.getBoundingClientRect().bottom <= caption.getBoundingClientRect().top } : undefined,
          };
        }, TAGS);
        assert.equal(seen.defined, 0);
        assert.equal(seen.withRoot, seen.all);
        // The card published 3 hours before the build, the one from 2021, and one without a date.
        if (path == '/') assert.deepEqual(seen.published.map((date) => /^\d{1,2}\. \p{L}+ \d{4}$/u.test(date) || date), [true, true, '']);
        if (path == '/story/') assert.deepEqual(seen.photo, { slot: 'image', above: true });
        assert.deepEqual(logged, []);
      } finally {
        await page.close();
      }
    }
  });
});
