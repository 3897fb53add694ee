// Markup for the sanitizer tests (DOMPurify in the browser, sanitize-html and WordPress's kses in Node): the README's
// example for each widget, read from README.md, the widgets' other forms, and hostile markup built from the allowlist.
import type { Allowlist } from '../../src/sanitize/presets.js';
import { cluster, clusterFacts } from '../../demo/story.js';

/**
 * The README's example for each widget, as an editor would paste it into a CMS field: every ```html block of README.md
 * that starts with a fjord tag, read at test time so the tests follow the README. Named by the widget's tag.
 */
export function readmeExamples(readme: string): Record<string, string> {
  const examples: Record<string, string> = {};
  for (const [, html] of readme.matchAll(/^```html\n([\s\S]*?)^```/gm)) {
    const tag = /^<(fjord-[a-z-]+)/.exec(html.trim())?.[1];
    if (!tag) continue;
    let name = `the README's <${tag}> example`;
    for (let n = 2; name in examples; n++) name = `the README's <${tag}> example ${n}`;
    examples[name] = html.trim();
  }
  return examples;
}

/** The other forms of each widget (attribute-only, slotted headline link, logo, the page's own form …). */
export const EXTRA_MARKUP: Record<string, string> = {
  'a photo, attribute-only': `<fjord-photo src="havbruk.jpg" alt="Merder i en stille fjord" width="1600" height="1067"
  caption="Havbruk er nå en del av klyngen." credit="Kent Erik Sjursen"></fjord-photo>`,
  'a photo with every URL attribute, the zoom and JSON-LD': `<fjord-photo srcset="havbruk-800.jpg 800w, havbruk-1600.jpg 1600w" sizes="100vw" src="havbruk-800.jpg" alt="" width="1600" height="1067"
  caption="Foto: havbruk i Vefsnfjorden." zoomable full-src="https://example.org/havbruk-3200.jpg" structured-data
  license="https://creativecommons.org/licenses/by/4.0/" acquire-license-page="/lisens" copyright-notice="© NTB" ratio="3:2" priority><a slot="credit" href="https://example.org/fotograf">Kent Erik Sjursen</a></fjord-photo>`,
  'an article card, attribute-only': `<fjord-article-card layout="horizontal" href="/nyheter/ny-arena-pro-klynge" kicker="Næringsliv"
  headline="Ny Arena Pro-klynge" lead="Arctic Cluster Team er en av de fire nye Arena Pro-klyngene."
  image-src="act-800.jpg" image-srcset="act-800.jpg 800w, act-1600.jpg 1600w" image-sizes="(min-width: 40rem) 40vw, 100vw"
  image-width="1600" image-height="1067" published="2021-06-10T09:30:00+02:00"></fjord-article-card>`,
  'an article card, link in the headline': `<fjord-article-card sponsored sponsor="Rana Utvikling" type="video">
  <img src="mo.jpg" alt="" width="800" height="534">
  <h3><a href="/annonse/unge-ingeniorer">Derfor flytter unge ingeniører til Mo</a></h3>
</fjord-article-card>`,
  'a fact box, heading element and description list': `<fjord-fact-box tone="info">
  <h3>${cluster.name}</h3>
  ${clusterFacts('  ')}
</fjord-fact-box>`,
  'a cluster badge, card with link and logo': `<fjord-cluster-badge variant="card" name="Arctic Cluster Team" short-name="ACT" level="arena-pro" partners="83" since="2017" region="Mo i Rana" href="https://example.org/act">
  <picture slot="logo">
    <source srcset="act-logo-dark.svg" media="(prefers-color-scheme: dark)" />
    <img src="act-logo.svg" alt="" width="120" height="40" />
  </picture>
</fjord-cluster-badge>`,
  "a newsletter signup, the page's own form": `<fjord-newsletter-signup>
  <form action="/api/newsletter" method="post">
    <label>E-post <input type="email" name="email" required autocomplete="email"></label>
    <input type="hidden" name="list" value="klyngenytt">
    <button>Meld meg på</button>
  </form>
</fjord-newsletter-signup>`,
};

/** The README's examples, then the other forms: what every sanitizer test keeps. `readme` is README.md's text. */
export function cmsMarkup(readme: string): Record<string, string> {
  return { ...readmeExamples(readme), ...EXTRA_MARKUP };
}

/** URLs no sanitizer may let through in a URL attribute. */
export const SCRIPT_URLS = ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java&#x09;script:alert(1)', 'javascript&colon;alert(1)', 'vbscript:msgbox(1)'];
export const DATA_URLS = ['data:text/html,<script>alert(1)</script>', 'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+'];

/** Where each tag goes so that the HTML parser keeps it (a `<source>` in a `<picture>`, a field in a form …). */
function inContext(tag: string, attributes: string): string {
  const self = `<${tag} ${attributes}>${['img', 'source', 'input'].includes(tag) ? '' : 'Tekst'}${['img', 'source', 'input'].includes(tag) ? '' : `</${tag}>`}`;
  if (tag == 'source') return `<fjord-cluster-badge name="X"><picture slot="logo">${self}<img src="logo.svg" alt=""></picture></fjord-cluster-badge>`;
  if (['input', 'button', 'label'].includes(tag)) return `<fjord-newsletter-signup><form action="/api">${self}</form></fjord-newsletter-signup>`;
  if (tag.startsWith('fjord-')) return self;
  return `<fjord-fact-box heading="X">${self}</fjord-fact-box>`;
}

/** Quotes and `<` escaped; entities in the value (`&#x09;`, `&colon;`) are left for the parser to decode. */
const escape = (value: string) => value.replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Hostile markup, one case per attack: a script or `data:` URL in every URL attribute of the allowlist (`data:` only
 * where no sanitizer allows it on purpose: DOMPurify keeps `data:` images on `<img>` and `<source>`), event handlers on
 * every allowed tag, a value outside `attributeValues` (`<input type="password">`), `<script>` inside widgets, and tags that start with `fjord-` but are not ours.
 */
export function hostileMarkup(allowlist: Allowlist, { data = (tag: string) => tag.startsWith('fjord-') || tag == 'a' || tag == 'form' } = {}) {
  const cases: { name: string; html: string }[] = [];
  for (const [tag, names] of Object.entries(allowlist.urlAttributes)) {
    for (const name of names) {
      const srcset = allowlist.srcsetAttributes[tag]?.includes(name);
      // In a srcset a tab ends the URL ("java" and a descriptor): no attack there.
      const urls = [...SCRIPT_URLS.filter((url) => !(srcset && url.includes('&#x09;'))), ...(data(tag) ? DATA_URLS : [])];
      for (const url of urls) {
        const value = srcset ? `${url} 1x` : url;
        cases.push({ name: `${tag}[${name}="${url}"]`, html: inContext(tag, `${name}="${escape(value)}"`) });
      }
    }
  }
  for (const [tag, rules] of Object.entries(allowlist.attributeValues)) {
    for (const name of Object.keys(rules)) {
      for (const value of ['password', ' PassWord', 'file']) {
        cases.push({ name: `${tag}[${name}="${value}"]`, html: inContext(tag, `${name}="${value}" name="x"`) });
      }
    }
  }
  for (const tag of allowlist.tags) {
    cases.push({ name: `<${tag} onclick onerror>`, html: inContext(tag, `onclick="alert(1)" onerror="alert(1)" OnMouseOver="alert(1)"`) });
  }
  cases.push(
    { name: '<script> inside a fact box', html: `<fjord-fact-box heading="Fakta"><script>alert(1)</script><p>Fakta</p></fjord-fact-box>` },
    { name: '<script> inside a photo caption', html: `<fjord-photo credit="X"><img src="a.jpg" alt="">Tekst<script src="https://evil.example/x.js"></script></fjord-photo>` },
    { name: '<script> inside a signup form', html: `<fjord-newsletter-signup><form action="/api"><script>alert(1)</script><input name="email"></form></fjord-newsletter-signup>` },
    { name: '<fjord-evil>', html: `<fjord-evil onclick="alert(1)" href="javascript:alert(1)">Tekst</fjord-evil>` },
    { name: 'a foreign fjord- tag inside a widget', html: `<fjord-fact-box heading="X"><fjord-photo-gallery src="a.jpg">Tekst</fjord-photo-gallery></fjord-fact-box>` },
    { name: '<fjord-elements>', html: `<fjord-elements data-x="1"><p>Tekst</p></fjord-elements>` },
  );
  return cases;
}

/** A safe first candidate, then `javascript:`: one case for every `srcset`-style attribute of the allowlist. */
export const LATER_CANDIDATE = 'a.jpg 1x, javascript:alert(1) 2x';
export function laterCandidates(allowlist: Allowlist) {
  return Object.entries(allowlist.srcsetAttributes).flatMap(([tag, names]) =>
    names.map((name) => ({ name: `${tag}[${name}="${LATER_CANDIDATE}"]`, html: inContext(tag, `${name}="${LATER_CANDIDATE}"`) })),
  );
}

/** Tag names that are fjord-like but not ours: none may survive. */
export const FOREIGN_TAGS = ['fjord-evil', 'fjord-photo-gallery', 'fjord-elements'];

/** Whether an attribute's value is outside the allowlist's `attributeValues` for it (empty is the default, allowed). */
export function badValue(allowlist: Allowlist, tag: string, name: string, value: string): boolean {
  const values = allowlist.attributeValues[tag]?.[name];
  return Boolean(values && value.trim() !== '' && !values.includes(value.trim().toLowerCase()));
}

/** Whether a URL (an attribute value as the parser returns it) would run script or load a data: resource. */
export function unsafeUrl(value: string, srcset = false): boolean {
  const urls = srcset ? value.split(',').map((c) => c.trim().split(/\s+/)[0]) : [value];
  return urls.some((url) => /^(javascript|vbscript|data):/i.test(url.replace(/[\0-\x20\x7f-\x9f]/g, '')));
}

/** A parsed element reduced to what carries meaning: tag, attributes (sorted) and children, text with its spaces collapsed. */
export type Meaning = string | { tag: string; attributes: [string, string][]; children: Meaning[] };
