/**
 * The benchmarks' content and each variant's markup for one teaser, shared by the cold page loads (bench/cold.mjs,
 * in Node) and the warm in-page runs (bench/harness.js, in the browser).
 */
const IMAGES = ['act-ledere', 'havbruk', 'mo-i-rana', 'smelteverk'];
const HEADLINES = [
  'Ny Arena Pro-klynge',
  'Havbruksklyngen runder hundre medlemmer',
  'Smelteverket i Mo i Rana får ny ovn',
  'Klyngene samler seg om grønn industri',
  'Rekordår for eksporten fra Nord-Norge',
  'Ny leder i Arctic Cluster Team',
  'Forskere og bedrifter deler laboratorium',
  'Slik skal prosessindustrien kutte utslippene',
];

/** The same content for every variant: `count` teasers, the headline varied, four local 800 × 534 images. */
export const teasers = (count) =>
  Array.from({ length: count }, (_, i) => ({
    href: `/nyheter/sak-${i + 1}`,
    kicker: 'Næringsliv',
    published: '2021-06-10T09:30:00+02:00',
    date: '10. juni 2021',
    byline: 'Redaksjonen',
    src: `/demo/assets/${IMAGES[i % IMAGES.length]}-800.jpg`,
    width: 800,
    height: 534,
    headline: `${HEADLINES[i % HEADLINES.length]} (${i + 1})`,
    lead: 'Arctic Cluster Team er en av de fire nye Arena Pro-klyngene i det nasjonale klyngeprogrammet.',
  }));

/** Escapes text for an attribute value or element content. */
export const esc = (text) => String(text).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** One teaser's markup per variant. */
export const markup = {
  /** The card's vertical layout written by hand. */
  static: (t) =>
    `<div class="teaser"><article class="card"><div class="media"><img src="${t.src}" alt="" width="${t.width}" height="${t.height}" loading="lazy"></div>` +
    `<div class="body"><p class="top"><span class="kicker">${esc(t.kicker)}</span></p>` +
    `<h3><a href="${esc(t.href)}">${esc(t.headline)}</a></h3>` +
    `<div class="lead"><p>${esc(t.lead)}</p></div>` +
    `<p class="meta"><span>${esc(t.byline)}</span><time datetime="${t.published}">${t.date}</time></p></div></article></div>`,
  /** bench/minimal-card.js, with the card's light DOM. */
  minimal: (t, tag = 'bench-minimal-card') =>
    `<${tag} href="${esc(t.href)}" kicker="${esc(t.kicker)}" published="${t.published}" byline="${esc(t.byline)}">` +
    `<img src="${t.src}" alt="" width="${t.width}" height="${t.height}">` +
    `<h3>${esc(t.headline)}</h3><p>${esc(t.lead)}</p></${tag}>`,
  /** The canonical markup of the README. */
  fjord: (t) =>
    `<fjord-article-card href="${esc(t.href)}" kicker="${esc(t.kicker)}" published="${t.published}" byline="${esc(t.byline)}">` +
    `<img src="${t.src}" alt="" width="${t.width}" height="${t.height}">` +
    `<h3>${esc(t.headline)}</h3><p>${esc(t.lead)}</p></fjord-article-card>`,
  /** <sl-card> with the image in its image slot, kicker, linked headline, lead and a footer. */
  shoelace: (t) =>
    `<sl-card class="teaser"><img slot="image" src="${t.src}" alt="" width="${t.width}" height="${t.height}" loading="lazy">` +
    `<p class="kicker">${esc(t.kicker)}</p><h3><a href="${esc(t.href)}">${esc(t.headline)}</a></h3><p class="lead">${esc(t.lead)}</p>` +
    `<div slot="footer">${esc(t.byline)} · <sl-format-date date="${t.published}" month="long" day="numeric" year="numeric"></sl-format-date></div></sl-card>`,
};
