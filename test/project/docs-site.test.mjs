/**
 * The built docs site (dist/docs/, `npm run build:docs`) in headless Chromium, served under a sub-path by a plain
 * static server: every page loads without a console error, failed request or widget warning, axe finds nothing in
 * light and dark, every example upgrades and renders, every attribute, property, method, slot, part, event and
 * custom property in the manifest is on its widget's page, every guide in docs/guides/ is a page, and every
 * internal link, fragment, script, stylesheet, image and frame resolves inside the sub-path.
 * Chromium only: one engine keeps it to about a minute; the widgets themselves are tested in three.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, findChromium } from '../../scripts/system/find-browser.mjs';
import { serveDocs } from '../../scripts/docs/server.mjs';

const root = resolve(import.meta.dirname, '../..');
const site = join(root, 'dist/docs');
const PREFIX = '/newsroom/fjord-docs/';
const manifest = JSON.parse(readFileSync(join(root, 'dist/custom-elements.json'), 'utf8'));
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
const pages = existsSync(site) ? readdirSync(site).filter((f) => f.endsWith('.html')).sort() : [];
const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

// The site is checked in Chromium; a run that asked for other engines only (FJORD_BROWSERS=firefox) leaves it out.
const skip = !(process.env.FJORD_BROWSERS ?? 'chromium').split(',').includes('chromium') && 'FJORD_BROWSERS does not include chromium';
let server;
let browser;
/** What each page said and asked for, by page and scheme. */
const visits = new Map();

/** Opens a page the way a reader would and records every problem it reports. */
async function visit(file, scheme) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.setViewport({ width: 1280, height: 900 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.goto(server.base + file, { waitUntil: 'load' });
  // Every widget on the page defined and rendered (static pages have no script: nothing to wait for).
  await page.evaluate(async () => {
    if (!document.querySelector('script[src*="fjord-elements.js"]')) return;
    const widgets = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('fjord-'));
    await Promise.all([...new Set(widgets.map((el) => el.localName))].map((tag) => customElements.whenDefined(tag)));
    await Promise.all(widgets.map((el) => el.updateComplete));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
  });
  return { page, problems: { toJSON: () => [...new Set(problems)] } };
}

async function axe(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await globalThis.axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      iframes: false,
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')}`);
  });
}

before(async () => {
  if (skip) return;
  assert.ok(pages.length, 'dist/docs/ has no pages: run `npm run build` (it ends with `npm run build:docs`)');
  server = await serveDocs({ dir: site, prefix: PREFIX, port: Number(process.env.FJORD_DOCS_PORT ?? 0) });
  browser = await puppeteer.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

describe('every docs page', { skip }, () => {
  for (const file of pages) {
    test(`${file}: every widget renders, no console errors or failed requests, axe finds nothing in light and dark`, async () => {
      const { page, problems } = await visit(file, 'light');
      try {
        // Every widget on a page with the script (the guides' live examples too) is upgraded and rendered.
        const unrendered = await page.evaluate(() =>
          document.querySelector('script[src*="fjord-elements.js"]')
            ? [...document.querySelectorAll('*')]
                .filter((el) => el.localName.startsWith('fjord-') && !el.shadowRoot?.querySelector('*'))
                .map((el) => el.localName)
            : [],
        );
        assert.deepEqual(unrendered, [], `every widget on ${file} renders`);
        const light = await axe(page);
        visits.set(file, await collectLinks(page));
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
        assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), true);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const dark = await axe(page);
        assert.deepEqual(problems.toJSON(), [], `${file} reported problems`);
        assert.deepEqual({ light, dark }, { light: [], dark: [] }, `axe on ${file}`);
      } finally {
        await page.close();
      }
    });
  }
});

/** Every URL a page points at, resolved, with fragments. */
function collectLinks(page) {
  return page.evaluate(() => {
    const urls = [];
    const add = (value) => value && urls.push(new URL(value, document.baseURI).href);
    for (const el of document.querySelectorAll('a[href], link[href]')) add(el.getAttribute('href'));
    for (const el of document.querySelectorAll('img[src], script[src], iframe[src], source[src]')) add(el.getAttribute('src'));
    for (const el of document.querySelectorAll('img[srcset], source[srcset]')) {
      for (const candidate of el.getAttribute('srcset').split(',')) add(candidate.trim().split(/\s+/)[0]);
    }
    return { urls, ids: [...document.querySelectorAll('[id]')].map((el) => el.id) };
  });
}

describe('links', { skip }, () => {
  test('every internal link, fragment, script, stylesheet, image and frame resolves inside the sub-path', async () => {
    assert.ok(visits.size, 'the pages were visited first');
    const broken = [];
    const status = new Map();
    for (const [file, { urls }] of visits) {
      for (const href of urls) {
        const url = new URL(href);
        if (url.origin !== new URL(server.base).origin) continue;
        if (!url.pathname.startsWith(PREFIX)) {
          broken.push(`${file}: ${href} leaves the sub-path`);
          continue;
        }
        const target = url.pathname.slice(PREFIX.length) || 'index.html';
        if (!status.has(url.pathname)) status.set(url.pathname, (await fetch(url.origin + url.pathname)).status);
        if (status.get(url.pathname) !== 200) broken.push(`${file}: ${href} answers ${status.get(url.pathname)}`);
        else if (url.hash && target.endsWith('.html')) {
          const ids = visits.get(target)?.ids ?? [];
          if (!ids.includes(decodeURIComponent(url.hash.slice(1)))) broken.push(`${file}: ${href} has no element with that id`);
        }
      }
    }
    assert.deepEqual(broken, []);
  });
});

describe('widget pages', { skip }, () => {
  for (const el of elements) {
    const file = `${el.tagName.replace(/^fjord-/, '')}.html`;
    test(`${file}: every example is upgraded and rendered, and the reference lists all of <${el.tagName}>`, async () => {
      assert.ok(pages.includes(file), `${file} exists`);
      const { page, problems } = await visit(file, 'light');
      try {
        const found = await page.evaluate(() => {
          const examples = [...document.querySelectorAll('.example-live')];
          const unrendered = examples.flatMap((live) =>
            [...live.querySelectorAll('*')]
              .filter((w) => w.localName.startsWith('fjord-'))
              .filter((w) => !customElements.get(w.localName) || !(w.shadowRoot?.querySelector('*')))
              .map((w) => `${live.closest('figure').id}: <${w.localName}>`),
          );
          const ref = (kind) => [...document.querySelectorAll(`[data-ref="${kind}"] tbody th`)].map((th) => th.textContent.trim());
          return {
            examples: examples.length,
            tags: examples.map((live) => [...live.querySelectorAll('*')].map((w) => w.localName)).flat(),
            unrendered,
            attributes: ref('attributes'),
            properties: ref('properties'),
            methods: ref('methods'),
            events: ref('events'),
            slots: ref('slots'),
            parts: ref('parts'),
            cssProperties: ref('css-properties'),
            sections: ['examples', 'reference', 'keyboard', 'without-script'].filter((id) => !document.getElementById(id)),
            frames: [...document.querySelectorAll('.frames iframe')].map((f) => f.getAttribute('sandbox')),
          };
        });
        assert.deepEqual(problems.toJSON(), []);
        assert.ok(found.examples >= 3, `${file} has live examples`);
        assert.ok(found.tags.includes(el.tagName), `${file} shows <${el.tagName}> live`);
        assert.deepEqual(found.unrendered, [], 'every widget in an example is defined and has a rendered shadow root');
        assert.deepEqual(found.sections, [], 'examples, reference, keyboard and without-script sections');
        assert.deepEqual(found.frames, ['allow-scripts', ''], 'a "before the script" frame and a "without JavaScript" (no scripts) frame');
        const missing = (kind, names, listed) => names.filter((n) => !listed.includes(n)).map((n) => `${kind} ${n || '(default)'}`);
        const attrs = el.attributes ?? [];
        const attrFields = new Set(attrs.map((a) => a.fieldName));
        const fields = (el.members ?? []).filter(
          (m) => m.kind === 'field' && m.privacy !== 'private' && m.privacy !== 'protected' && (m.static || m.readonly || !attrFields.has(m.name)),
        );
        const methods = (el.members ?? []).filter((m) => m.kind === 'method' && m.privacy !== 'private' && m.privacy !== 'protected');
        assert.deepEqual(
          [
            ...missing('attribute', attrs.map((a) => a.name), found.attributes),
            ...missing('property', fields.map((f) => `${f.static ? `${el.name}.` : ''}${f.name}`), found.properties),
            ...missing('method', methods.map((m) => `${m.static ? `${el.name}.` : ''}${m.name}`), found.methods.map((m) => m.replace(/\(.*$/, ''))),
            ...missing('event', (el.events ?? []).map((e) => e.name), found.events),
            ...missing('slot', (el.slots ?? []).map((s) => s.name || '(default)'), found.slots),
            ...missing('part', (el.cssParts ?? []).map((p) => p.name), found.parts),
            ...missing('custom property', (el.cssProperties ?? []).map((p) => p.name), found.cssProperties),
          ],
          [],
          `everything the manifest has for <${el.tagName}> is in the reference on ${file}`,
        );
      } finally {
        await page.close();
      }
    });
  }

  test('the static page of each widget has no script and shows the examples that read without one', async () => {
    for (const el of elements) {
      const file = `${el.tagName.replace(/^fjord-/, '')}-static.html`;
      const html = readFileSync(join(site, file), 'utf8');
      assert.doesNotMatch(html, /<script/i, `${file} has no script`);
      assert.match(html, new RegExp(`<${el.tagName}[\\s>]`), `${file} shows <${el.tagName}>`);
      assert.match(html, /fjord-elements\/fjord-elements\.css/, `${file} links the stylesheet`);
    }
  });
});

describe('switches and copy buttons', { skip }, () => {
  test('the language switch re-renders the widgets in nn and en; the colour switch sets color-scheme', async () => {
    const { page, problems } = await visit('photo.html', 'light');
    try {
      const credit = () =>
        page.evaluate(() => document.querySelector('#photo-child fjord-photo').shadowRoot.querySelector('[part=credit]').textContent.trim());
      assert.match(await credit(), /^Foto/);
      await page.select('#pref-lang', 'en');
      await page.waitForFunction(() => /^Photo/.test(document.querySelector('#photo-child fjord-photo').shadowRoot.querySelector('[part=credit]').textContent.trim()));
      assert.equal(await page.$eval('#photo-child .example-live', (el) => el.lang), 'en');
      await page.select('#pref-scheme', 'dark');
      assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme), 'dark');
      // Both choices are kept for the next page.
      await page.goto(server.base + 'fact-box.html', { waitUntil: 'load' });
      await page.evaluate(() => customElements.whenDefined('fjord-fact-box'));
      assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme), 'dark');
      // The folded box is far down the page: it renders in an idle slice after the first paint (deferred rendering).
      await page.waitForFunction(() =>
        /Show more|Show less/.test(document.querySelector('#fact-box-folded fjord-fact-box').shadowRoot?.querySelector('[part=toggle]')?.textContent ?? ''),
      );
      await page.evaluate(() => localStorage.clear());
      assert.deepEqual(problems.toJSON(), []);
    } finally {
      await page.close();
    }
  });

  test('a copy button puts the example’s exact HTML on the clipboard, under the page’s strict CSP', async () => {
    const context = browser.defaultBrowserContext();
    await context.overridePermissions(new URL(server.base).origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    const { page, problems } = await visit('fact-box.html', 'light');
    try {
      const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
      assert.match(csp, /script-src 'self'/);
      assert.match(csp, /require-trusted-types-for 'script'/);
      await page.click('#fact-box-list button.copy');
      await page.waitForFunction(() => document.querySelector('#fact-box-list button.copy').textContent === 'Copied');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      const shown = await page.$eval('#fact-box-list-code', (pre) => pre.textContent);
      assert.equal(copied, shown);
      assert.match(copied, /^<fjord-fact-box heading="Fakta om klyngeprogrammet"/);
      assert.deepEqual(problems.toJSON(), []);
    } finally {
      await page.close();
    }
  });
});

describe('signup examples', { skip }, () => {
  test('a signup example sends nothing: the page answers in place of an endpoint, and the reader sees success', async () => {
    const { page, problems } = await visit('newsletter-signup.html', 'light');
    const posts = [];
    page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()));
    try {
      await page.type('#signup-name fjord-newsletter-signup >>> input[type=email]', 'ola@example.no');
      await page.click('#signup-name fjord-newsletter-signup >>> [part=button]');
      await page.waitForFunction(() => {
        const success = document.querySelector('#signup-name fjord-newsletter-signup').shadowRoot.querySelector('[part=success]');
        return success && !success.hidden && /Takk/.test(success.textContent);
      });
      assert.deepEqual(posts, []);
      assert.deepEqual(problems.toJSON(), []);
    } finally {
      await page.close();
    }
  });
});

describe('guides', () => {
  test('every docs/guides/*.md is a page of its own, in the navigation, and the theming guide names every global token', () => {
    const guides = readdirSync(join(root, 'docs/guides')).filter((f) => f.endsWith('.md'));
    assert.ok(guides.length >= 8);
    const index = readFileSync(join(site, 'index.html'), 'utf8');
    for (const guide of guides) {
      const file = guide.replace(/\.md$/, '.html');
      assert.ok(pages.includes(file), `${guide} is built as ${file}`);
      assert.match(readFileSync(join(site, file), 'utf8'), /<h1[ >]/, `${file} has a heading`);
      assert.match(index, new RegExp(`href="${file}"`), `${file} is linked from the navigation`);
    }
    const theming = readFileSync(join(site, 'theming.html'), 'utf8');
    const tokens = new Set(readFileSync(join(root, 'src/shared/tokens.ts'), 'utf8').match(/--fjord-[a-z-]+/g));
    for (const token of tokens) assert.match(theming, new RegExp(`${token}\\b`), `theming.html names ${token}`);
  });
});
