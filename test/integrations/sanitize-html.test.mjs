// The sanitize-html preset with the real sanitize-html (2.x): the README's example for every widget (read from
// README.md) and the widgets' other forms come through with their meaning intact, hostile markup still goes, and the
// site's own options survive.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sanitizeHtml from 'sanitize-html';
import { allowlist, forSanitizeHtml } from '../../dist/npm/sanitize.js';
import { readFileSync } from 'node:fs';
import { cmsMarkup, hostileMarkup, laterCandidates, readmeExamples } from '../support/cms-markup.ts';
import { elements, meaning, problems } from './html-meaning.mjs';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const MARKUP = cmsMarkup(README);
const clean = (html, options = forSanitizeHtml({}, sanitizeHtml.defaults)) => sanitizeHtml(html, options);

describe('forSanitizeHtml with sanitize-html', () => {
  it('the README has an example for every widget, and each is kept below', () => {
    const tags = allowlist.tags.filter((tag) => tag.startsWith('fjord-'));
    assert.deepEqual(tags.filter((tag) => !(`the README's <${tag}> example` in readmeExamples(README))), []);
  });

  for (const [name, html] of Object.entries(MARKUP)) {
    it(`keeps ${name}`, () => {
      assert.deepEqual(meaning(clean(html)), meaning(html));
    });
  }

  it('the same comparison fails without the preset (sanitize-html removes every fjord tag)', () => {
    for (const html of Object.values(MARKUP)) assert.notDeepEqual(meaning(sanitizeHtml(html)), meaning(html));
  });

  it('keeps a caption with a colon, and a page form with Mailchimp-style field names', () => {
    const html = `<fjord-photo caption="Foto: havbruk i Vefsnfjorden." credit="NTB" src="https://example.org/a.jpg" alt=""></fjord-photo><fjord-newsletter-signup submit-mode="native" email-name="EMAIL" action="https://example.us1.list-manage.com/subscribe/post?u=1&amp;id=2"><form action="https://example.us1.list-manage.com/subscribe/post?u=1&amp;id=2" method="post"><input type="email" name="EMAIL" required><button type="submit">Meld meg på</button></form></fjord-newsletter-signup>`;
    assert.deepEqual(meaning(clean(html)), meaning(html));
  });

  const cases = hostileMarkup(allowlist, { data: () => true });
  it(`removes hostile markup (${cases.length} cases)`, () => {
    const failures = cases.map((c) => ({ ...c, out: clean(c.html) })).map((c) => ({ ...c, found: problems(c.out, allowlist) })).filter((c) => c.found.length);
    assert.deepEqual(failures.map((c) => `${c.name}: ${c.found.join(', ')} in ${c.out}`), []);
  });

  it('drops script content, not just the tag', () => {
    assert.doesNotMatch(clean(`<fjord-fact-box heading="Fakta"><script>alert(1)</script><p>Fakta</p></fjord-fact-box>`), /alert/);
  });

  it('checks every candidate of a srcset-style attribute, not only the first', () => {
    const out = clean(`<fjord-article-card headline="X" image-srcset="a.jpg 800w, javascript:alert(1) 1600w"></fjord-article-card><fjord-photo srcset="a.jpg 800w, data:image/png,x 1600w" alt=""></fjord-photo>`);
    assert.deepEqual(problems(out, allowlist), []);
    assert.match(out, /headline="X"/);
  });

  it('drops a javascript: candidate after a safe one in every srcset-style attribute', () => {
    const later = laterCandidates(allowlist);
    assert.ok(later.length > 3);
    for (const c of later) assert.deepEqual(problems(clean(c.html), allowlist), [], c.name);
    assert.deepEqual(later.filter((c) => !problems(c.html, allowlist).length).map((c) => c.name), [], 'the check finds each as written');
  });

  it('removes an <input> type the signup does not use, and keeps the ones it does', () => {
    const out = clean(`<fjord-newsletter-signup><form action="/api"><input type="password" name="pw"><input type="EMAIL" name="email"><input type="checkbox" name="consent"><input type="text" name="name"><input type="hidden" name="list" value="x"></form></fjord-newsletter-signup>`);
    assert.deepEqual(elements(out).filter((el) => el.tagName == 'input').map((el) => el.attrs.find((a) => a.name == 'type')?.value ?? null), ['', '', 'checkbox', 'text', 'hidden']);
    assert.doesNotMatch(out, /password/);
  });

  it('the hostile checks find every case in the markup as written', () => {
    assert.deepEqual(cases.filter((c) => !problems(c.html, allowlist).length).map((c) => c.name), []);
  });

  it('keeps the site own options: tags and attributes it allows, transforms, and schemes it does not allow', () => {
    const options = forSanitizeHtml(
      {
        allowedTags: ['p', 'b', 'strong', 'my-widget'],
        allowedAttributes: { 'my-widget': ['mode'], a: [{ name: 'rel', values: ['nofollow'] }] },
        allowedSchemes: ['https'],
        transformTags: { b: 'strong', 'fjord-article-card': (tagName, attribs) => ({ tagName, attribs: { ...attribs, kicker: 'CMS' } }) },
      },
      sanitizeHtml.defaults,
    );
    const out = sanitizeHtml(
      `<my-widget mode="x"><p><b>Fet</b></p></my-widget><a href="/a" rel="nofollow">Lenke</a><table><tr><td>x</td></tr></table>` +
        `<fjord-cluster-badge name="ACT" href="mailto:post@example.org"></fjord-cluster-badge><fjord-article-card headline="X" image-srcset="http://a/b.jpg 1x, https://a/b.jpg 2x"></fjord-article-card>`,
      options,
    );
    assert.match(out, /<my-widget mode="x"><p><strong>Fet<\/strong><\/p><\/my-widget>/);
    assert.match(out, /<a href="\/a" rel="nofollow">Lenke<\/a>/);
    assert.doesNotMatch(out, /<table|<td/, 'a tag the site left out stays out');
    assert.match(out, /<fjord-cluster-badge name="ACT"><\/fjord-cluster-badge>/, 'mailto: is not among the site schemes');
    assert.match(out, /<fjord-article-card headline="X" kicker="CMS"><\/fjord-article-card>/, 'the site transform runs after the srcset check');
  });

  it("called without defaults, starts from sanitize-html's own defaults; given defaults, from those", () => {
    const keys = ['allowedTags', 'allowedAttributes', 'allowedSchemes', 'allowedSchemesByTag', 'allowedSchemesAppliedToAttributes', 'selfClosing'];
    const pick = (options) => Object.fromEntries(keys.map((key) => [key, options[key]]));
    assert.deepEqual(pick(forSanitizeHtml()), pick(forSanitizeHtml({}, sanitizeHtml.defaults)));
    assert.deepEqual(pick(forSanitizeHtml({ allowedTags: ['p'] })), pick(forSanitizeHtml({ allowedTags: ['p'] }, sanitizeHtml.defaults)));
    const html = `<table><tr><td><em>x</em></td></tr></table>${Object.values(MARKUP)[0]}`;
    assert.equal(sanitizeHtml(html, forSanitizeHtml()), sanitizeHtml(html, forSanitizeHtml({}, sanitizeHtml.defaults)));
    const own = forSanitizeHtml(undefined, { allowedTags: ['b'], allowedAttributes: {}, allowedSchemes: ['https'] });
    assert.deepEqual(own.allowedTags, ['b', ...allowlist.tags], 'the defaults argument wins');
    assert.deepEqual(own.allowedSchemes, ['https']);
    assert.ok(own.selfClosing.includes('br'), "an option missing from defaults comes from sanitize-html's");
  });
});
