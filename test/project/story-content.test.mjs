/**
 * The story's example content has one source, demo/story.js, read by the demo pages, the documentation site's examples
 * and the tests' fixtures. These tests fail when one of them holds a copy of its own: a demo page whose pieces differ
 * from what the module writes (or that lost a piece), a dev server that does not write them, a docs example or a test
 * fixture with the story's sentences typed out again.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { badgeAttributes, cards, cluster, factBox, factList, headline, photo, signup } from '../../demo/story.js';
import { fillStory, PAGES } from '../../demo/story-pages.js';
import examples from '../../docs/_data/examples.js';
import { freePort } from '../../scripts/system/free-port.mjs';

const root = resolve(import.meta.dirname, '../..');
const read = (path) => readFileSync(join(root, path), 'utf8');

/** Every sentence of the story long enough that a second copy of it is a copy, not a coincidence. */
const sentences = [photo.caption, photo.alt, ...factBox.facts, cluster.chair, signup.text, ...Object.values(cards).map((card) => card.lead)];

/** What a page must show of the story, as the HTML a reader (or a crawler, with JavaScript off) receives. */
function assertHoldsStory(html, page) {
  for (const fact of factBox.facts) assert.ok(html.includes(`<li>${fact}</li>`), `${page} lacks the fact "${fact}"`);
  assert.ok(html.includes(photo.caption), `${page} lacks the photo's caption`);
  assert.ok(html.includes(`credit="${photo.credit}"`), `${page} lacks the photo's credit`);
  assert.ok(html.includes(badgeAttributes()), `${page} lacks the cluster badge`);
  assert.ok(html.includes(`${signup.heading}</h`) && html.includes(`<p>${signup.text}</p>`), `${page} lacks the signup's text`);
}

test('the story is plain text, safe to write into HTML and attributes as it is', () => {
  const strings = [headline, ...Object.values(photo), ...Object.values(factBox).flat(), ...Object.values(cluster), ...Object.values(signup), ...Object.values(cards).flatMap(Object.values)];
  for (const text of strings.map(String)) assert.doesNotMatch(text, /[<>&"]/, `"${text}" holds markup characters`);
});

describe('the demo pages', () => {
  for (const page of PAGES) {
    test(`${page} holds the story's pieces exactly as demo/story.js writes them`, () => {
      const html = read(page);
      assert.equal(html, fillStory(html), `${page} differs from demo/story.js: run \`npm run demo:story\``);
      assertHoldsStory(html, page);
    });
  }

  test('demo/index.html holds the story cards', () => {
    const html = read('demo/index.html');
    for (const name of ['smelteverk', 'havbruk', 'mo']) {
      assert.ok(html.includes(cards[name].headline) && html.includes(cards[name].lead), `demo/index.html lacks the card "${name}"`);
    }
  });

  test('a stale piece is written again from demo/story.js', () => {
    const stale = `<div>\n  <!-- story:fact-list -->\n  <ul><li>Et gammelt faktum.</li></ul>\n  <!-- /story:fact-list -->\n</div>`;
    assert.equal(fillStory(stale), `<div>\n  <!-- story:fact-list -->\n  ${factList('  ')}\n  <!-- /story:fact-list -->\n</div>`);
  });
});

describe('npm start', () => {
  let server;
  let base;
  const data = mkdtempSync(join(tmpdir(), 'fjord-story-'));

  before(async () => {
    process.env.FJORD_SIGNUPS_DATABASE = join(data, 'signups.sqlite');
    const { createServer } = await import('vite');
    const port = await freePort();
    server = await createServer({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'silent', server: { host: '127.0.0.1', port, strictPort: true, hmr: false, watch: null } });
    await server.listen();
    base = `http://127.0.0.1:${port}`;
  });
  after(async () => {
    await server?.close();
    rmSync(data, { recursive: true, force: true });
  });

  for (const page of PAGES) {
    test(`serves ${page} with the story in its HTML`, async () => {
      const response = await fetch(`${base}/${page}`);
      assert.equal(response.status, 200);
      assertHoldsStory(await response.text(), page);
    });
  }

  test('writes the pieces from demo/story.js into a page whose copy is stale', async () => {
    const stale = read('demo/index.html').replace(factBox.facts[0], 'Et faktum som ikke lenger stemmer.');
    const served = await server.transformIndexHtml('/demo/index.html', stale);
    assertHoldsStory(served, 'the served page');
    assert.ok(!served.includes('Et faktum som ikke lenger stemmer.'));
  });
});

describe('the docs site and the tests', () => {
  const byId = Object.fromEntries(Object.values(examples).flat().map((example) => [example.id, example.html]));

  test("the docs site's examples show the story's pieces", () => {
    assert.ok(byId['fact-box-list'].includes(factList('  ')), 'the fact box example lacks the fact list');
    assert.ok(byId['photo-child'].includes(photo.caption), 'the photo example lacks the caption');
    assert.ok(byId['badge-card'].includes(`name="${cluster.name}"`), 'the badge card example lacks the cluster');
    assert.ok(byId['signup-attributes'].includes(signup.text), 'the signup example lacks its text');
    assert.ok(byId['card-child'].includes(cards.story.lead), 'the card example lacks the story teaser');
  });

  test("no page or example of the docs site and no test fixture types out the story's sentences again", () => {
    const walk = (dir) =>
      readdirSync(join(root, dir)).flatMap((name) => {
        const path = join(dir, name);
        return statSync(join(root, path)).isDirectory() ? walk(path) : /\.(ts|js|mjs|html|njk)$/.test(name) ? [path] : [];
      });
    // The guides are prose, read on GitHub too, where nothing can be imported.
    const files = [...walk('test'), ...walk('docs').filter((file) => !file.startsWith('docs/guides/')), ...walk('demo').filter((file) => !/story(-pages)?\.(js|d\.ts)$/.test(file) && !PAGES.includes(file))];
    const copies = files.flatMap((file) => sentences.filter((sentence) => read(file).includes(sentence)).map((sentence) => `${relative('.', file)}: "${sentence}"`));
    assert.deepEqual(copies, [], 'import the sentence from demo/story.js instead');
  });
});
