// The shortcodes generated from the manifest (scripts/build/shortcodes.mjs): the committed files are what the manifest gives,
// and the Eleventy plugin's markup (integrations/eleventy) escapes what it is given, takes data objects and Liquid's
// name, value pairs, and says what it left out. The sites built with them are tested in eleventy.test.mjs and
// hugo.test.mjs. Needs `npm run build` first (npm test does it).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Eleventy from '@11ty/eleventy';
import markdownIt from 'markdown-it';
import { differences, generate } from '../../scripts/build/shortcodes.mjs';
import fjordElements, { dedent, renderWidget } from '../../integrations/eleventy/index.js';
import { widgets } from '../../integrations/eleventy/widgets.js';
import { meaning } from './html-meaning.mjs';

const root = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'dist/custom-elements.json'), 'utf8'));
const widget = (tag) => widgets.find((w) => w.tag == tag);
const GENERATED = ['integrations/hugo/layouts/shortcodes', 'integrations/eleventy/widgets.js'];

describe('the generated shortcodes', () => {
  it('are what the manifest gives (node scripts/build/shortcodes.mjs --check)', () => {
    const check = spawnSync(process.execPath, [join(root, 'scripts/build/shortcodes.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
  });

  it('are committed as generated', (t) => {
    const git = spawnSync('git', ['status', '--porcelain', '--', ...GENERATED], { cwd: root, encoding: 'utf8' });
    if (git.status !== 0) return t.skip('not a Git checkout');
    assert.equal(git.stdout, '', `the build changed generated files that are committed: commit them.\n${git.stdout}`);
  });

  it('change when a widget gains an attribute, and take every attribute of every widget', () => {
    const changed = structuredClone(manifest);
    const box = changed.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName == 'fjord-fact-box');
    box.attributes.push({ name: 'new-thing', type: { text: 'string' }, fieldName: 'newThing' });
    const files = generate(changed);
    assert.deepEqual(differences(files).changed, ['integrations/hugo/layouts/shortcodes/fjord-fact-box.html', 'integrations/eleventy/widgets.js']);
    assert.match(files.get('integrations/hugo/layouts/shortcodes/fjord-fact-box.html'), /"attributes" \(slice "heading" .*"new-thing"\)/);

    for (const el of manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement)) {
      const w = widget(el.tagName);
      const taken = [...w.attributes.map(([name]) => name), ...Object.keys(w.properties)];
      assert.deepEqual(taken.sort(), el.attributes.map((a) => a.name).sort(), el.tagName);
    }
  });
});

describe('the Eleventy plugin’s markup', () => {
  const md = markdownIt({ html: true });

  it('escapes attribute values and text, so quotes, & and < stay text', () => {
    const html = renderWidget(widget('fjord-article-card'), {
      href: '/a?b=1&c="2"',
      headline: `Ny "Arena Pro"-klynge: Rana & <samler> 'seg'`,
      kicker: 'Havbruk & fiskeri" onclick="x',
      lead: 'To\n\nlinjer <b>',
      imageSrc: '/img.jpg',
      imageAlt: '',
    });
    assert.deepEqual(meaning(html), [
      {
        tag: 'fjord-article-card',
        attributes: [['kicker', 'Havbruk & fiskeri" onclick="x']],
        children: [
          { tag: 'img', attributes: [['alt', ''], ['src', '/img.jpg']], children: [] },
          { tag: 'h3', attributes: [], children: [{ tag: 'a', attributes: [['href', '/a?b=1&c="2"']], children: [`Ny "Arena Pro"-klynge: Rana & <samler> 'seg'`] }] },
          { tag: 'p', attributes: [], children: ['To linjer <b>'] },
        ],
      },
    ]);
    assert.doesNotMatch(html, /\n[ \t]*\n[\s\S]*<\/fjord-article-card>/, 'no blank line inside, which would end a Markdown HTML block');
  });

  it('renders the Markdown between paired shortcodes, indented and with blank lines, as the widget’s content', () => {
    const box = renderWidget(widget('fjord-fact-box'), { heading: 'Fakta' }, { content: '\n    - Første *punkt*.\n    - Andre punkt.\n\n    ```\n    a\n\n    b\n    ```\n', markdown: md });
    assert.deepEqual(meaning(box)[0].children.map((c) => c.tag), ['ul', 'pre']);
    assert.equal(meaning(box)[0].children[0].children[0].children[1].tag, 'em');
    assert.match(box, /<code>a&#10;\nb\n<\/code>/, 'the code block keeps its blank line, as a character reference');
    // Markdown around it reads the whole box as one block of HTML.
    const page = md.render(`Før.\n${box}Etter.\n`);
    assert.deepEqual(meaning(page).map((n) => n.tag), ['p', 'fjord-fact-box', 'p']);

    const photo = renderWidget(widget('fjord-photo'), { src: 'a.jpg', alt: 'A', width: 1600, height: 1067 }, { content: '\n  Monica *Paulsen*.\n\n', markdown: md });
    assert.match(photo, /<fjord-photo>\n<img src="a\.jpg" alt="A" width="1600" height="1067">\nMonica <em>Paulsen<\/em>\.\n<\/fjord-photo>/);
  });

  it('takes data objects by attribute or property name, Liquid’s name, value pairs, and dates', () => {
    const badge = widget('fjord-cluster-badge');
    const byProperty = renderWidget(badge, { name: 'ACT', shortName: 'A', nce: true, structuredData: false, partners: 83 });
    const byAttribute = renderWidget(badge, { name: 'ACT', 'short-name': 'A', nce: 'true', 'structured-data': 'false', partners: '83' });
    assert.equal(byProperty, '<fjord-cluster-badge name="ACT" short-name="A" nce partners="83"></fjord-cluster-badge>');
    assert.equal(byAttribute, byProperty);
    const card = renderWidget(widget('fjord-article-card'), { published: new Date('2021-06-10T07:30:00Z'), lang: 'nn', 'data-id': 7 });
    assert.match(card, /<fjord-article-card published="2021-06-10T07:30:00.000Z" data-id="7" lang="nn"><\/fjord-article-card>/);
  });

  it('warns about what it leaves out, and renders the rest', () => {
    const warnings = [];
    const html = renderWidget(widget('fjord-fact-box'), { headng: 'x', open: 'yes' }, { content: 'Tekst', markdown: md, warn: (m) => warnings.push(m) });
    assert.deepEqual(warnings, [
      'has no parameter "headng"; it is left out. It takes: heading, heading-level, collapsed-height, open, source, updated, tone, id, class, lang, dir, data-*.',
      'open="yes" is a boolean: give true, or leave it out for false. Taken as true.',
    ]);
    assert.match(html, /<fjord-fact-box open>\n<p>Tekst<\/p>\n<\/fjord-fact-box>/);
  });

  it('dedent takes off the shared indentation only', () => {
    assert.equal(dedent('\n\n    - a\n      - b\n\n    c\n  '), '- a\n  - b\n\nc');
  });
});

describe('the Eleventy plugin in Eleventy', () => {
  it('renders paired shortcodes in Nunjucks and Liquid pages with no Markdown page to make the Markdown library', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fjord-eleventy-plugin-'));
    try {
      mkdirSync(join(dir, 'src'));
      const box = '\n  - Første *punkt*.\n\n  - Andre punkt.\n';
      writeFileSync(join(dir, 'src/a.njk'), `{% fjordFactBox heading="Fakta", collapsedHeight="8em" %}${box}{% endfjordFactBox %}`);
      writeFileSync(join(dir, 'src/b.liquid'), `{% fjordFactBox "heading", "Fakta", "collapsed-height", "8em" %}${box}{% endfjordFactBox %}`);
      const eleventy = new Eleventy(join(dir, 'src'), join(dir, '_site'), {
        quietMode: true,
        config: (eleventyConfig) => eleventyConfig.addPlugin(fjordElements, { assets: false }),
      });
      const pages = (await eleventy.toJSON()).sort((a, b) => a.inputPath.localeCompare(b.inputPath));
      const expected = [
        {
          tag: 'fjord-fact-box',
          attributes: [['collapsed-height', '8em'], ['heading', 'Fakta']],
          children: [
            {
              tag: 'ul',
              attributes: [],
              children: [
                { tag: 'li', attributes: [], children: [{ tag: 'p', attributes: [], children: ['Første', { tag: 'em', attributes: [], children: ['punkt'] }, '.'] }] },
                { tag: 'li', attributes: [], children: [{ tag: 'p', attributes: [], children: ['Andre punkt.'] }] },
              ],
            },
          ],
        },
      ];
      assert.deepEqual(pages.map((p) => meaning(p.content)), [expected, expected]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
