// The WordPress plugin (integrations/wordpress/fjord-elements.php) with WordPress's own code: Debian's `wordpress`
// and `php-cli`. The packed zip is extracted with WordPress's PclZip, then wp_kses( …, 'post' ) — the filter every post
// of an author without "unfiltered HTML" goes through — runs with the plugin loaded, and WordPress's script and style
// loaders print what the plugin enqueues. No database and no install: kses and the loaders do not need one.
// The packages are installed when missing and this runs as root with apt-get (as scripts/test/run.mjs does for browsers);
// otherwise the test fails with the command that installs them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cmsMarkup, hostileMarkup, laterCandidates } from '../support/cms-markup.ts';
import { elements, meaning, problems } from './html-meaning.mjs';
import { ensureDebian } from '../../scripts/system/ensure-debian.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const WORDPRESS = '/usr/share/wordpress';
const PACKAGES = ['php-cli', 'wordpress'];
const allowlist = JSON.parse(readFileSync(join(root, 'dist/allowlist.json'), 'utf8'));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const ver = `?ver=${version.replace(/\./g, '\\.')}`;

function ensureWordPress() {
  const ready = () => spawnSync('php', ['-v']).status === 0 && existsSync(join(WORDPRESS, 'wp-includes/kses.php'));
  ensureDebian(PACKAGES, ready, { what: "WordPress's kses tests" });
}

let dir;
let zip;
/** Runs the harness in a fresh plugins folder: the zip extracted, the plugin loaded, `cases` through wp_kses(). */
function wordpress(cases, options = {}) {
  const plugins = mkdtempSync(join(dir, 'wp-content-'));
  mkdirSync(join(plugins, 'plugins'));
  const run = spawnSync('php', [join(root, 'test/integrations/wordpress/harness.php')], {
    input: JSON.stringify({ wordpress: WORDPRESS, zip, plugins: join(plugins, 'plugins'), cases, ...options }),
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(run.status, 0, `php harness failed: ${run.stderr}`);
  assert.equal(run.stderr.toString(), '', 'PHP printed warnings or notices');
  return { ...JSON.parse(run.stdout), plugin: join(plugins, 'plugins/fjord-elements') };
}

describe('WordPress plugin with WordPress kses', () => {
  const readme = Object.entries(cmsMarkup(readFileSync(join(root, 'README.md'), 'utf8')));
  const hostile = hostileMarkup(allowlist, { data: () => true });
  let result;

  before(() => {
    ensureWordPress();
    dir = mkdtempSync(join(tmpdir(), 'fjord-wordpress-'));
    zip = join(dir, 'fjord-elements.zip');
    const pack = spawnSync(process.execPath, [join(root, 'scripts/build/pack-wordpress.mjs'), zip], { cwd: root });
    assert.equal(pack.status, 0, `npm run pack:wordpress failed: ${pack.stderr}`);
    result = wordpress([...readme.map(([, html]) => html), ...hostile.map((c) => c.html)]);
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('the plugin file passes php -l', () => {
    const lint = spawnSync('php', ['-l', join(root, 'integrations/wordpress/fjord-elements.php')]);
    assert.equal(lint.status, 0, lint.stdout.toString() + lint.stderr.toString());
  });

  it('the zip holds the plugin file, the allowlist and the drop-in files, as built', () => {
    assert.equal(readFileSync(join(result.plugin, 'fjord-elements.php'), 'utf8'), readFileSync(join(root, 'integrations/wordpress/fjord-elements.php'), 'utf8'));
    assert.equal(readFileSync(join(result.plugin, 'allowlist.json'), 'utf8'), readFileSync(join(root, 'dist/allowlist.json'), 'utf8'));
    for (const file of ['fjord-elements.js', 'fjord-elements.css']) {
      assert.deepEqual(readFileSync(join(result.plugin, 'cdn', file)), readFileSync(join(root, 'dist/cdn', file)));
    }
    assert.equal(readFileSync(join(result.plugin, 'elements.json'), 'utf8'), readFileSync(join(root, 'dist/cms-elements.json'), 'utf8'));
    assert.equal(readFileSync(join(result.plugin, 'blocks/editor.js'), 'utf8'), readFileSync(join(root, 'integrations/wordpress/blocks/editor.js'), 'utf8'));
  });

  it('the zip holds a block.json per widget, generated from the manifest: every attribute, one category', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'dist/custom-elements.json'), 'utf8'));
    const tags = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
    assert.equal(tags.length, 5);
    for (const el of tags) {
      const block = JSON.parse(readFileSync(join(result.plugin, 'blocks', el.tagName.replace(/^fjord-/, ''), 'block.json'), 'utf8'));
      assert.equal(block.name, `fjord-elements/${el.tagName.replace(/^fjord-/, '')}`);
      assert.equal(block.category, 'fjord-elements');
      assert.equal(block.editorScript, 'fjord-elements-blocks');
      for (const a of el.attributes ?? []) assert.equal(block.attributes[a.name]?.type, /^boolean/.test(a.type?.text ?? '') ? 'boolean' : 'string', `${el.tagName} ${a.name}`);
    }
  });

  it('the editor script is plain JavaScript a browser runs as it is (node --check)', () => {
    const check = spawnSync(process.execPath, ['--check', join(result.plugin, 'blocks/editor.js')]);
    assert.equal(check.status, 0, check.stderr.toString());
  });

  readme.forEach(([name, html], i) => {
    it(`keeps ${name}`, () => {
      assert.deepEqual(meaning(result.kses[i]), meaning(html));
    });
  });

  it('the same comparison fails without the plugin (kses removes every fjord tag)', () => {
    readme.forEach(([, html], i) => assert.notDeepEqual(meaning(result.withoutPlugin[i]), meaning(html)));
  });

  it(`removes hostile markup (${hostile.length} cases)`, () => {
    const failures = hostile
      .map((c, i) => ({ ...c, out: result.kses[readme.length + i] }))
      .map((c) => ({ ...c, found: problems(c.out, allowlist) }))
      .filter((c) => c.found.length);
    assert.deepEqual(failures.map((c) => `${c.name}: ${c.found.join(', ')} in ${c.out}`), []);
  });

  it('checks every candidate of a srcset-style attribute, not only the first URL as kses does', () => {
    const html = `<fjord-article-card headline="X" image-srcset="https://a.example/a.jpg 800w, javascript:alert(1) 1600w"></fjord-article-card><fjord-photo alt="" srcset='a.jpg 800w, data:text/html;base64,PHNjcmlwdD4 1600w'></fjord-photo><picture><source srcset="b.jpg 1x, JAVASCRIPT:alert(1) 2x"><img src="b.jpg" alt="" srcset="b.jpg 1x, vbscript:x 2x"></picture>`;
    const [out] = wordpress([html]).kses;
    assert.deepEqual(problems(out, allowlist), []);
    assert.match(out, /image-srcset="https:\/\/a\.example\/a\.jpg 800w"/);
    assert.match(out, /<fjord-photo alt="" srcset="a\.jpg 800w/);
  });

  it('drops a javascript: candidate after a safe one in every srcset-style attribute', () => {
    const later = laterCandidates(allowlist);
    assert.ok(later.length > 3);
    wordpress(later.map((c) => c.html)).kses.forEach((out, i) => {
      assert.deepEqual(problems(out, allowlist), [], later[i].name);
      assert.match(out, /="a\.jpg 1x"/, later[i].name);
    });
  });

  it('removes an <input> type the signup does not use, and keeps the ones it does', () => {
    const [out] = wordpress([`<fjord-newsletter-signup><form action="/api"><input type="password" name="pw"><input type="EMAIL" name="email"><input type="checkbox" name="consent"><input type="text" name="name"><input type="hidden" name="list" value="x"></form></fjord-newsletter-signup>`]).kses;
    assert.deepEqual(elements(out).filter((el) => el.tagName == 'input').map((el) => el.attrs.find((a) => a.name == 'type')?.value ?? null), [null, 'EMAIL', 'checkbox', 'text', 'hidden']);
  });

  it('the hostile checks find every case in the markup as written', () => {
    assert.deepEqual(hostile.filter((c) => !problems(c.html, allowlist).length).map((c) => c.name), []);
  });

  it('adds every URL attribute of the allowlist to wp_kses_uri_attributes(), keeping WordPress own', () => {
    for (const name of [...new Set(Object.values(allowlist.urlAttributes).flat())]) assert.ok(result.uri.includes(name), name);
    for (const name of ['href', 'src', 'action', 'formaction', 'poster']) assert.ok(result.uri.includes(name), name);
  });

  it('keeps what WordPress allows and what it removes: existing attributes, other tags, a theme that removes forms', () => {
    const own = wordpress(
      [
        `<a href="/x" rel="nofollow" target="_blank" slot="credit" class="lenke">Lenke</a><iframe src="https://evil.example"></iframe><fjord-fact-box heading="X" lang="nn" class="tema"><p>Fakta</p></fjord-fact-box>`,
        `<fjord-newsletter-signup><form action="/api"><input type="email" name="email"><button>Meld meg på</button></form></fjord-newsletter-signup>`,
      ],
      { themeRemovesForms: true },
    );
    assert.equal(own.kses[0], `<a href="/x" rel="nofollow" target="_blank" slot="credit" class="lenke">Lenke</a><fjord-fact-box heading="X" lang="nn" class="tema"><p>Fakta</p></fjord-fact-box>`);
    assert.equal(own.kses[1], `<fjord-newsletter-signup><button>Meld meg på</button></fjord-newsletter-signup>`);
  });

  it("the guide's functions.php code does the same for a theme without the plugin", () => {
    const guide = readFileSync(join(root, 'docs/guides/cms.md'), 'utf8');
    const section = guide.slice(guide.indexOf("### The same in a theme's functions.php"));
    const code = /```php\n([\s\S]*?)```/.exec(section)?.[1];
    assert.ok(code?.includes('wp_kses_uri_attributes'), 'the guide has the functions.php code');
    const theme = mkdtempSync(join(dir, 'theme-'));
    mkdirSync(join(theme, 'fjord-elements'));
    copyFileSync(join(root, 'dist/allowlist.json'), join(theme, 'fjord-elements/allowlist.json'));
    writeFileSync(join(theme, 'functions.php'), `<?php\n${code}`);
    const lint = spawnSync('php', ['-l', join(theme, 'functions.php')]);
    assert.equal(lint.status, 0, lint.stdout.toString());
    const themed = wordpress([...readme.map(([, html]) => html), ...hostile.map((c) => c.html)], { theme });
    readme.forEach(([name, html], i) => assert.deepEqual(meaning(themed.kses[i]), meaning(html), name));
    const failures = hostile.map((c, i) => ({ ...c, found: problems(themed.kses[readme.length + i], allowlist) })).filter((c) => c.found.length);
    assert.deepEqual(failures.map((c) => `${c.name}: ${c.found.join(', ')}`), []);
    assert.equal(themed.head, '', 'the plugin is not loaded');
  });

  it("enqueues the stylesheet and the drop-in module from the plugin's cdn folder", () => {
    const link = /<link rel='stylesheet' id='fjord-elements-css' href='([^']+)'/.exec(result.head)?.[1];
    const script = /<script type="module" src='([^']+)' id='fjord-elements-js'><\/script>/.exec(result.head)?.[1];
    assert.match(link ?? result.head, RegExp(`^https?://news\\.example/wp-content/plugins/fjord-elements/cdn/fjord-elements\\.css\\${ver}$`));
    assert.match(script ?? result.head, RegExp(`^https?://news\\.example/wp-content/plugins/fjord-elements/cdn/fjord-elements\\.js\\${ver}$`));
    assert.equal((result.head.match(/<script/g) ?? []).length, 1);
    for (const url of [link, script]) assert.ok(existsSync(join(result.plugin, new URL(url).pathname.replace(/^\/wp-content\/plugins\/fjord-elements\//, ''))), url);
  });

  it('loads the files from FJORD_ELEMENTS_URL or the fjord_elements_url filter instead, or loads nothing', () => {
    const constant = wordpress([], { url: 'https://cdn.example/fjord-elements/0.1.0' });
    assert.match(constant.head, RegExp(`href='https://cdn\\.example/fjord-elements/0\\.1\\.0/fjord-elements\\.css\\${ver}'`));
    assert.match(constant.head, RegExp(`<script type="module" src='https://cdn\\.example/fjord-elements/0\\.1\\.0/fjord-elements\\.js\\${ver}'`));
    const filtered = wordpress([], { filterUrl: 'https://static.example/fe/' });
    assert.match(filtered.head, RegExp(`src='https://static\\.example/fe/fjord-elements\\.js\\${ver}'`));
    assert.equal(wordpress([], { filterUrl: '' }).head, '');
  });
});
