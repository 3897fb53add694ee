// The DOMPurify preset from the build (dist/npm/sanitize.js) with the real DOMPurify 3: the README's example for every
// widget (read from README.md) and the widgets' other forms keep their meaning and render the same text, hostile markup
// still goes, and the site's own configuration survives. Also checks the generated URL-attribute list against what the widgets themselves treat as URLs.
import { expect } from '@open-wc/testing';
import DOMPurify from 'dompurify';
import type { LitElement } from 'lit';
import '../../src/index.js';
import type * as Presets from '../../src/sanitize/presets.js';
import { FOREIGN_TAGS, badValue, cmsMarkup, readmeExamples, hostileMarkup, laterCandidates, unsafeUrl, type Meaning } from '../support/cms-markup.js';
import { visibleText, watchWarnings } from '../support/helpers.js';

type Built = { allowlist: Presets.Allowlist } & ReturnType<typeof Presets.presets>;
const BUILT = '/dist/npm/sanitize.js';
const { allowlist, forDOMPurify, addDOMPurifyHooks } = (await import(/* @vite-ignore */ BUILT)) as Built;
addDOMPurifyHooks(DOMPurify);

function parse(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

function meaning(html: string): Meaning[] {
  const walk = (node: Node): Meaning[] => {
    if (node.nodeType == Node.TEXT_NODE) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      return text ? [text] : [];
    }
    if (!(node instanceof Element)) return [];
    const attributes = [...node.attributes].map((a): [string, string] => [a.name, a.value]).sort(([a], [b]) => a.localeCompare(b));
    return [{ tag: node.localName, attributes, children: [...node.childNodes].flatMap(walk) }];
  };
  return [...parse(html).childNodes].flatMap(walk);
}

function problems(html: string): string[] {
  const found: string[] = [];
  for (const el of parse(html).querySelectorAll('*')) {
    const tag = el.localName;
    if (tag == 'script') found.push('<script>');
    if (FOREIGN_TAGS.includes(tag) || (tag.startsWith('fjord-') && !allowlist.tags.includes(tag))) found.push(`<${tag}>`);
    for (const { name, value } of el.attributes) {
      if (/^on/i.test(name)) found.push(`${tag}[${name}]`);
      if (badValue(allowlist, tag, name, value)) found.push(`${tag}[${name}="${value}"]`);
      if (allowlist.urlAttributes[tag]?.includes(name) && unsafeUrl(value, allowlist.srcsetAttributes[tag]?.includes(name))) found.push(`${tag}[${name}="${value}"]`);
    }
  }
  return found;
}

/** Renders markup in the page, waits for every widget, and returns the text a reader sees, widget by widget. */
async function renderedText(html: string): Promise<string[]> {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  try {
    const widgets = [...host.querySelectorAll<LitElement>('*')].filter((el) => el.localName.startsWith('fjord-'));
    await Promise.all(widgets.map((el) => el.updateComplete));
    return widgets.map((el) => visibleText(el).replace(/\s+/g, ' ').trim());
  } finally {
    host.remove();
  }
}

const clean = (html: string, config: object = forDOMPurify()) => String(DOMPurify.sanitize(html, config));
/** The README's image file names pointed at a demo photo, so rendering loads real images. */
const local = (html: string) => html.replace(/(?<=["\s])[\w-]+\.(jpg|svg)\b/g, '/demo/assets/act-ledere-800.jpg');
const README = await (await fetch('/README.md')).text();
const MARKUP = Object.entries(cmsMarkup(README)).map(([name, html]): [string, string] => [name, local(html)]);

describe('forDOMPurify with DOMPurify', () => {
  it('the README has an example for every widget, and each is kept below', () => {
    const tags = allowlist.tags.filter((tag) => tag.startsWith('fjord-'));
    expect(tags.filter((tag) => !(`the README's <${tag}> example` in readmeExamples(README)))).to.deep.equal([]);
  });

  for (const [name, html] of MARKUP) {
    it(`keeps ${name}, and it renders the same text`, async () => {
      const out = clean(html);
      expect(meaning(out)).to.deep.equal(meaning(html));
      const before = await renderedText(html);
      expect(before.join('')).not.to.equal('');
      expect(await renderedText(out)).to.deep.equal(before);
    });
  }

  it('the same comparisons fail without the preset (DOMPurify removes every fjord tag)', async () => {
    for (const [, html] of MARKUP) {
      const out = String(DOMPurify.sanitize(html));
      expect(meaning(out)).not.to.deep.equal(meaning(html));
      expect(await renderedText(out)).not.to.deep.equal(await renderedText(html));
    }
  });

  it('keeps text attributes that contain a colon, which DOMPurify would read as a URL scheme', () => {
    const html = `<fjord-photo caption="Foto: havbruk i Vefsnfjorden." credit="NTB" src="a.jpg" alt=""></fjord-photo><fjord-fact-box heading="Fakta: klyngene" source="SSB: tabell 1"><p>x</p></fjord-fact-box>`;
    expect(meaning(clean(html))).to.deep.equal(meaning(html));
  });

  const cases = hostileMarkup(allowlist);
  it(`removes hostile markup (${cases.length} cases)`, () => {
    const failures = cases.map((c) => ({ ...c, out: clean(c.html) })).filter((c) => problems(c.out).length);
    expect(failures.map((c) => `${c.name}: ${problems(c.out).join(', ')} in ${c.out}`)).to.deep.equal([]);
    expect(clean(`<fjord-fact-box heading="Fakta"><script>alert(1)</script><p>Fakta</p></fjord-fact-box>`)).not.to.include('alert');
  });

  const later = laterCandidates(allowlist);
  it(`addDOMPurifyHooks drops a javascript: candidate after a safe one in every srcset-style attribute (${later.length} cases)`, () => {
    expect(later.length).to.be.greaterThan(3);
    for (const c of later) {
      const out = clean(c.html);
      expect(problems(out), c.name).to.deep.equal([]);
      expect(out, c.name).to.include('="a.jpg 1x"');
    }
    // Without the hook DOMPurify checks the first candidate only: a fresh instance keeps every case as written.
    const plain = DOMPurify(window);
    expect(later.filter((c) => !problems(String(plain.sanitize(c.html, forDOMPurify()))).length).map((c) => c.name)).to.deep.equal([]);
    addDOMPurifyHooks(DOMPurify);
    expect(clean(later[0].html), 'a second call adds no second hook').to.equal(clean(later[0].html));
  });

  it('addDOMPurifyHooks removes an <input> type the signup does not use, and keeps the ones it does', () => {
    const form = `<fjord-newsletter-signup><form action="/api"><input type="password" name="pw"><input type="EMAIL" name="email"><input type="checkbox" name="consent"><input type="text" name="name"><input type="hidden" name="list" value="x"></form></fjord-newsletter-signup>`;
    const types = (html: string) => [...parse(html).querySelectorAll('input')].map((input) => input.getAttribute('type'));
    expect(types(clean(form))).to.deep.equal([null, 'EMAIL', 'checkbox', 'text', 'hidden']);
    expect(types(String(DOMPurify(window).sanitize(form, forDOMPurify()))), 'without the hook').to.deep.equal(['password', 'EMAIL', 'checkbox', 'text', 'hidden']);
  });

  it('the hostile checks find every case in the markup as written', () => {
    expect(later.filter((c) => !problems(c.html).length).map((c) => c.name)).to.deep.equal([]);
    expect(cases.filter((c) => !problems(c.html).length).map((c) => c.name)).to.deep.equal([]);
  });

  it("keeps the site's own configuration: what it added stays added, what it forbade stays forbidden", () => {
    const config = forDOMPurify({
      ALLOWED_TAGS: ['p', 'b', 'a'],
      ADD_TAGS: ['my-widget'],
      ADD_ATTR: ['mode'],
      FORBID_TAGS: ['form', 'fjord-cluster-badge'],
      FORBID_ATTR: ['width', 'image-src'],
      ADD_URI_SAFE_ATTR: ['data-note'],
    });
    const out = parse(
      clean(
        `<my-widget mode="x"><p><b>Fet</b><i>kursiv</i></p></my-widget>` +
          `<fjord-photo credit="NTB" width="800" height="600" src="a.jpg"><img src="a.jpg" alt="" width="800"></fjord-photo>` +
          `<fjord-article-card headline="X" image-src="a.jpg" href="/sak"></fjord-article-card>` +
          `<fjord-cluster-badge name="ACT"></fjord-cluster-badge>` +
          `<fjord-newsletter-signup><form action="/api"><input name="email"></form></fjord-newsletter-signup>`,
        config,
      ),
    );
    expect(out.querySelector('my-widget')?.getAttribute('mode')).to.equal('x');
    expect(out.querySelector('b')).not.to.equal(null);
    expect(out.querySelector('i'), 'a tag outside the site ALLOWED_TAGS').to.equal(null);
    expect(out.querySelector('fjord-photo')?.getAttribute('credit')).to.equal('NTB');
    expect(out.querySelector('fjord-photo')?.hasAttribute('width'), 'FORBID_ATTR').to.equal(false);
    expect(out.querySelector('fjord-photo img')?.hasAttribute('width'), 'FORBID_ATTR on a child').to.equal(false);
    expect(out.querySelector('fjord-article-card')?.getAttribute('href')).to.equal('/sak');
    expect(out.querySelector('fjord-article-card')?.hasAttribute('image-src')).to.equal(false);
    expect(out.querySelector('fjord-cluster-badge'), 'FORBID_TAGS').to.equal(null);
    expect(out.querySelector('form'), 'FORBID_TAGS').to.equal(null);
    expect(config.ADD_URI_SAFE_ATTR).to.include('data-note');
  });

  it("calls the site's own ADD_TAGS and ADD_ATTR functions", () => {
    const config = forDOMPurify({ ADD_TAGS: (tag: string) => tag == 'my-widget', ADD_ATTR: (name: string, tag: string) => tag == 'my-widget' && name == 'mode' });
    expect(clean(`<my-widget mode="x" other="y"></my-widget><fjord-fact-box heading="X"></fjord-fact-box><fjord-article-card headline="Y" image-src="javascript:alert(1)" href="/sak"></fjord-article-card>`, config)).to.equal(
      `<my-widget mode="x"></my-widget><fjord-fact-box heading="X"></fjord-fact-box><fjord-article-card headline="Y" href="/sak"></fjord-article-card>`,
    );
    expect(cases.filter((c) => problems(clean(c.html, config)).length).map((c) => c.name)).to.deep.equal([]);
  });

  it('names as URL attributes exactly the fjord attributes the widgets check as URLs', async () => {
    // Every feature on, so that every URL attribute is read: the zoom, the JSON-LD, the card variant, consent.
    const setup: Record<string, string> = {
      'fjord-photo': 'zoomable structured-data alt="" width="800" height="600" src="a.jpg" credit="X"',
      'fjord-article-card': 'headline="X" image-src="a.jpg" href="/sak" structured-data',
      'fjord-fact-box': 'heading="X"',
      'fjord-cluster-badge': 'name="X" variant="card" structured-data',
      'fjord-newsletter-signup': 'consent-required privacy-href="/p" action="/api"',
    };
    for (const tag of allowlist.tags.filter((t) => t.startsWith('fjord-'))) {
      const checked: string[] = [];
      for (const name of allowlist.attributes[tag]) {
        const warnings = watchWarnings();
        try {
          const host = document.createElement('div');
          host.innerHTML = local(`<${tag} ${setup[tag]}></${tag}>`);
          const el = host.firstElementChild as LitElement;
          el.setAttribute(name, 'javascript:alert(1)');
          document.body.append(host);
          await el.updateComplete;
          await new Promise((r) => setTimeout(r));
          host.remove();
        } finally {
          warnings.restore();
        }
        if (warnings.messages.some((m) => m.includes(`${name}="javascript:alert(1)" was not used`))) checked.push(name);
      }
      expect(allowlist.urlAttributes[tag] ?? [], tag).to.have.members(checked);
    }
  });
});
