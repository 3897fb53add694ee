// examples/eleventy built as a consumer builds it: `npm pack`, the tarball installed into a copy of the example
// (Eleventy 3 and Lit's SSR packages from the npm cache, --prefer-offline), then `eleventy` twice — the drop-in site
// and the server-rendered one (FJORD_SSR=1) — and both opened in Chromium (puppeteer-core, the system's browser).
// The widget scripts are served 700 ms late, so the page is laid out and painted before they upgrade or hydrate it.
// The shortcode pages (src/shortcodes-*.md) use the package's plugin, fjord-elements/eleventy, from Nunjucks and from
// Liquid, in the Markdown that breaks raw tags; each widget on them must come out whole (test/integrations/shortcode-story.mjs).
// Needs `npm run build` first (npm test does it). About a minute, most of it npm install.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expectedStory, storyWidgets } from './shortcode-story.mjs';
import { TAGS, assertStillUpgrade, exampleSite, openPage, run } from './static-site.mjs';

const root = resolve(import.meta.dirname, '../..');
const HEADLINES = [
  'Ny "Arena Pro"-klynge: Rana & Helgeland <samler> seg',
  "Klyngen som vil gjøre Helgeland til et grønt industrisenter: 'Vi må <ikke> vente'",
  'Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenhersteller',
];
const SHORTCODE_PAGES = ['/shortcodes-nunjucks/', '/shortcodes-liquid/'];

let site;
let browser;
let sites;
const buildOutput = [];

before(async () => {
  for (const file of ['dist/npm/ssr/ssr.js', 'dist/cdn/fjord-elements.js']) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  }
  site = exampleSite(root, 'eleventy', /[/\\](node_modules|_site[^/\\]*)$/);
  const eleventy = join(site.app, 'node_modules/@11ty/eleventy/cmd.cjs');
  buildOutput.push(run(process.execPath, [eleventy, '--quiet'], site.app, {}, { stderr: true }));
  buildOutput.push(run(process.execPath, [eleventy, '--quiet'], site.app, { FJORD_SSR: '1' }, { stderr: true }));
  await site.start({ dropIn: '_site', ssr: '_site-ssr' });
  ({ browser, sites } = site);
});

after(() => site?.stop());

const open = (url, options) => openPage(browser, url, options);

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
    for (const path of ['/story/', '/', ...SHORTCODE_PAGES]) {
      it(`${path}: every widget upgrades once, nothing logged, nothing shifts`, async () => {
        const { page, logged } = await open(sites[build].url + path);
        try {
          const widgets = await renderings(page);
          assert.ok(widgets.length >= (path == '/' ? 3 : 4), `widgets on ${path}: ${widgets.length}`);
          for (const { tag, count, markers } of widgets) {
            assert.equal(count, 1, `${tag} rendered ${count} times`);
            if (build == 'ssr') assert.ok(markers > 0, `${tag} took the server's markup over`);
          }
          await assertStillUpgrade(page, logged);
        } finally {
          await page.close();
        }
      });
    }

    for (const path of SHORTCODE_PAGES) {
      it(`${path}: the plugin's shortcodes keep every widget whole, with the Markdown inside rendered`, async () => {
        const { page } = await open(sites[build].url + path);
        try {
          assert.deepEqual(await storyWidgets(page), expectedStory({ headline: HEADLINES[1], link: '/nyheter/havbruk/', kicker: 'Havbruk & fiskeri' }));
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

it('examples/eleventy builds without a warning from the plugin', () => {
  assert.doesNotMatch(buildOutput.join('\n'), /\[fjord-elements\]/);
});

describe('examples/eleventy, server-rendered, with JavaScript off', () => {
  it('reads right: widgets drawn, dates absolute, the photo above its caption', async () => {
    for (const path of ['/story/', '/', ...SHORTCODE_PAGES]) {
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
        if (path != '/') assert.deepEqual(seen.photo, { slot: 'image', above: true });
        assert.deepEqual(logged, []);
      } finally {
        await page.close();
      }
    }
  });
});
