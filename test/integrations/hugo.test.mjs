// examples/hugo built as a Hugo site builds it: `npm pack`, the tarball installed into a copy of the example, its Hugo
// module (integrations/hugo: the shortcodes, the <head> partial, dist/cdn at /fjord-elements/) imported from
// node_modules, then Debian's `hugo` (installed when missing and this runs as root with apt-get, as scripts/test/run.mjs
// does for browsers). Built twice: as the example is, with markup.goldmark.renderer.unsafe for its raw-tag page, and
// with Goldmark's default, which the shortcode page must not need. Both opened in Chromium with the widget script
// 700 ms late (test/integrations/static-site.mjs): every widget whole, upgraded, nothing logged, nothing shifted.
// Needs `npm run build` first (npm test does it).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureDebian } from '../../scripts/system/ensure-debian.mjs';
import { expectedStory, storyWidgets } from './shortcode-story.mjs';
import { TAGS, assertStillUpgrade, exampleSite, openPage, run } from './static-site.mjs';

const root = resolve(import.meta.dirname, '../..');
const STORY = '/nyheter/fire-nye-arena-pro-klynger/';
const RAW = '/nyheter/raw-tags/';
const CARD = { headline: "Klyngen som vil gjøre Helgeland til et grønt industrisenter: 'Vi må <ikke> vente'", link: '/nyheter/havbruk/', kicker: 'Havbruk & fiskeri' };

let site;
let browser;
let sites;
const output = {};

/** `hugo` in the example's copy into `destination`; returns what it printed. */
const hugo = (destination, env = {}) =>
  run('hugo', ['--destination', destination, '--cleanDestinationDir'], site.app, { HUGO_CACHEDIR: join(site.dir, 'hugo-cache'), ...env }, { stderr: true });

before(async () => {
  ensureDebian(['hugo'], () => spawnSync('hugo', ['version']).status === 0, { what: 'the Hugo example’s test' });
  if (!existsSync(join(root, 'dist/cdn/fjord-elements.js'))) throw new Error('dist/cdn/fjord-elements.js is missing: run `npm run build` first.');
  site = exampleSite(root, 'hugo', /[/\\](node_modules|public[^/\\]*|resources)$/);
  output.unsafe = hugo('public');
  output.goldmarkDefault = hugo('public-default', { HUGO_MARKUP_GOLDMARK_RENDERER_UNSAFE: 'false' });
  await site.start({ unsafe: 'public', goldmarkDefault: 'public-default' });
  ({ browser, sites } = site);
});

after(() => site?.stop());

async function upgraded(url, path, minimum) {
  const { page, logged } = await openPage(browser, url + path);
  try {
    const count = await page.evaluate((tags) => document.querySelectorAll(tags.join(',')).length, TAGS);
    assert.ok(count >= minimum, `widgets on ${path}: ${count}`);
    await assertStillUpgrade(page, logged);
  } finally {
    await page.close();
  }
}

async function whole(url) {
  const { page } = await openPage(browser, url + STORY);
  try {
    assert.deepEqual(await storyWidgets(page), expectedStory(CARD));
  } finally {
    await page.close();
  }
}

describe('examples/hugo, as it is (raw tags allowed)', () => {
  it('builds without a warning', () => {
    assert.doesNotMatch(output.unsafe, /WARN|ERROR/);
  });
  for (const [path, minimum] of [[STORY, 5], [RAW, 4], ['/', 2]]) {
    it(`${path}: every widget upgrades, nothing logged, nothing shifts`, () => upgraded(sites.unsafe.url, path, minimum));
  }
  it('the shortcodes keep every widget whole, with the Markdown inside rendered and the values escaped', () => whole(sites.unsafe.url));
  it('the <head> partial loads the drop-in files from the module’s /fjord-elements/', () => {
    const html = readFileSync(join(site.app, 'public', STORY, 'index.html'), 'utf8');
    assert.match(html, /<link rel="stylesheet" href="\/fjord-elements\/fjord-elements\.css">\s*<script type="module" src="\/fjord-elements\/fjord-elements\.js"><\/script>/);
    assert.ok(existsSync(join(site.app, 'public/fjord-elements/fjord-elements.js')));
  });
});

describe('examples/hugo with Goldmark’s default (no unsafe)', () => {
  it('the shortcode page is the same, whole, and holds still', async () => {
    await upgraded(sites.goldmarkDefault.url, STORY, 5);
    await whole(sites.goldmarkDefault.url);
  });
  it('the raw tags are gone: why the example turns unsafe on for them', () => {
    const html = readFileSync(join(site.app, 'public-default', RAW, 'index.html'), 'utf8');
    assert.doesNotMatch(html.replace(/<head>[\s\S]*<\/head>/, ''), /<fjord-/);
    assert.match(html, /<!-- raw HTML omitted -->/);
  });
});

describe('the Hugo shortcodes with parameters they do not take', () => {
  it('warn with the page, line and parameter, and render the widget without it', () => {
    writeFileSync(
      join(site.app, 'content/nyheter/typo.md'),
      '---\ntitle: Typo\n---\n{{< fjord-fact-box headng="Fakta" open="yes" >}}\n- en\n- to\n{{< /fjord-fact-box >}}\n\n{{< fjord-cluster-badge "ACT" >}}\n',
    );
    try {
      const printed = hugo('public-typo');
      assert.match(printed, /WARN .*content\/nyheter\/typo\.md:4:1.*\{\{< fjord-fact-box >\}\} has no parameter "headng"; it is left out\. It takes: heading, /);
      assert.match(printed, /WARN .*typo\.md:4:1.*open="yes" is a boolean: write open=true, or leave it out for false/);
      assert.match(printed, /WARN .*typo\.md:9:1.*\{\{< fjord-cluster-badge >\}\} takes named parameters/);
      const html = readFileSync(join(site.app, 'public-typo/nyheter/typo/index.html'), 'utf8');
      assert.match(html, /<fjord-fact-box open>\n<ul>\n<li>en<\/li>\n<li>to<\/li>\n<\/ul>\n<\/fjord-fact-box>/);
      assert.match(html, /<fjord-cluster-badge><\/fjord-cluster-badge>/);
    } finally {
      rmSync(join(site.app, 'content/nyheter/typo.md'));
    }
  });
});
