/**
 * Every live example of the site, by tag: each is shown on its widget's page (rendered, as HTML, with a copy button)
 * and, unless `static: false`, on the widget's "before the script" / "without JavaScript" page. The markup is what a
 * site writes; image URLs are relative to the site's top folder, where every page is. The story's pieces (its photo,
 * fact box, cluster, cards and newsletter call) come from demo/story.js, as the demo's do.
 */
import { badgeAttributes, cards, cluster, clusterFacts, factBox, factList, photo, signup } from '../../demo/story.js';

const { caption, credit } = photo;
const { story, smelteverk, havbruk, mo } = cards;
/** The long fact box's content, folded and open. */
const levels = `  <p>Norwegian Innovation Clusters har tre nivåer: Arena, Arena Pro og Global Centres of Expertise (GCE).</p>
  <p>Arena er for klynger i tidlig fase. Arena Pro er for klynger med et etablert samarbeid og ambisjoner om å vokse.</p>
  <p>GCE er for modne klynger med en global posisjon og et omfattende samarbeid med forsknings- og utdanningsmiljøer.</p>
  <p>Klyngene søker om opptak, og Innovasjon Norge, Siva og Forskningsrådet gjør utvalget sammen.</p>`;
const actAlt = photo.alt;

export default {
  'fjord-photo': [
    {
      id: 'photo-child',
      title: 'Photo with caption and credit',
      note: 'The page’s own `<img>` is the photo; the rest of the content is the caption. `width` and `height` reserve the space.',
      html: `<fjord-photo credit="${credit}">
  <img src="assets/${photo.image}-800.jpg" alt="${actAlt}" width="800" height="534">
  ${caption}
</fjord-photo>`,
    },
    {
      id: 'photo-glued-credit',
      title: 'A credit glued onto the caption',
      note: 'With no `credit` attribute, a trailing “FOTO: …” is taken out of the caption and shown as the credit.',
      html: `<fjord-photo>
  <img src="assets/smelteverk-800.jpg" alt="Smelteverk med fire piper ved fjorden i skumringen, lys i vinduene" width="800" height="534">
  Prosessindustrien ved Ranfjorden er kjernen i klyngen. FOTO: ${credit} / NTB
</fjord-photo>`,
    },
    {
      id: 'photo-attributes',
      title: 'Attribute-only form, for CMS templates',
      note: 'The widget renders the `<img>` itself; the caption is always shown as text. This form has no content before the script runs.',
      static: false,
      html: `<fjord-photo src="assets/havbruk-800.jpg" alt="Merder i en stille fjord" width="800" height="534"
  caption="Havbruk er nå en del av klyngen." credit="${credit}"></fjord-photo>`,
    },
    {
      id: 'photo-ratio',
      title: 'Cropped to a ratio',
      note: '`ratio="16:9"` crops the photo (object-fit: cover) and reserves a 16:9 box.',
      html: `<fjord-photo ratio="16:9" credit="${credit}">
  <img src="assets/mo-i-rana-800.jpg" alt="Mo i Rana sett fra fjellet, med fjorden og industriområdet" width="800" height="534">
  Mo i Rana.
</fjord-photo>`,
    },
    {
      id: 'photo-zoomable',
      title: 'Full size on request',
      note: '`zoomable` adds a button that opens the largest `srcset` candidate (or `full-src`) in a modal dialog.',
      html: `<fjord-photo zoomable credit="${credit}">
  <img src="assets/smelteverk-800.jpg" srcset="assets/smelteverk-800.jpg 800w, assets/smelteverk-1600.jpg 1600w"
    sizes="(min-width: 60rem) 40rem, 100vw" alt="Smelteverk med fire piper ved fjorden i skumringen, lys i vinduene" width="800" height="534">
  Smelteverket ved Ranfjorden.
</fjord-photo>`,
    },
    {
      id: 'photo-credit-slot',
      title: 'A rich credit',
      note: 'The `credit` slot takes markup, such as a link to the photographer.',
      html: `<fjord-photo>
  <img src="assets/havbruk-800.jpg" alt="Merder i en stille fjord" width="800" height="534">
  Havbruk er nå en del av klyngen.
  <a slot="credit" href="https://example.org/kent-erik-sjursen">${credit}</a>
</fjord-photo>`,
    },
    {
      id: 'photo-broken',
      title: 'An image that fails to load',
      note: 'A neutral box of the same size shows the alt text; caption and credit stay.',
      static: false,
      html: `<fjord-photo credit="${credit}">
  <img src="assets/broken-photo.jpg" alt="Arbeidere ved en ovn i smelteverket" width="800" height="534">
  Bildet kunne ikke lastes, men bildeteksten står.
</fjord-photo>`,
    },
    {
      id: 'photo-structured-data',
      title: 'With structured data',
      note: '`structured-data` writes a schema.org `ImageObject` as JSON-LD into the widget’s light DOM (shown below the example).',
      static: false,
      html: `<fjord-photo structured-data credit="${credit} / NTB" copyright-notice="© Rana Næringsliv"
  license="https://example.org/lisens" acquire-license-page="https://example.org/kjop-bilde">
  <img src="assets/act-ledere-800.jpg" alt="${actAlt}" width="800" height="534">
  ${caption}
</fjord-photo>`,
    },
  ],

  'fjord-article-card': [
    {
      id: 'card-child',
      title: 'A teaser written as HTML',
      note: 'The first `<img>` is the image, the first heading the headline, the rest the lead. The whole card is one link.',
      html: `<fjord-article-card href="https://example.org/nyheter/${story.slug}" kicker="${story.kicker}"
  published="${story.published}" byline="${story.byline}">
  <img src="assets/${story.image}-800.jpg" alt="" width="800" height="534">
  <h3>${story.headline}</h3>
  <p>${story.lead}</p>
</fjord-article-card>`,
    },
    {
      id: 'card-page-link',
      title: 'The page’s own link, paid content, video',
      note: 'A link in the headline is used as the card’s link, so the card works without JavaScript too. `sponsored` is announced with the link.',
      html: `<fjord-article-card sponsored sponsor="${mo.sponsor}" type="video" published="${mo.published}">
  <img src="assets/${mo.image}-800.jpg" alt="" width="800" height="534">
  <h3><a href="https://example.org/annonse/${mo.slug}">${mo.headline}</a></h3>
  <p>${mo.lead}</p>
</fjord-article-card>`,
    },
    {
      id: 'card-attributes',
      title: 'Attribute-only, vertical',
      note: 'Before the script, `fjord-elements.css` shows its kicker, headline, lead and byline in the card’s final height; the date and the image come with the script.',
      html: `<fjord-article-card href="https://example.org/nyheter/${havbruk.slug}" kicker="${havbruk.kicker}" headline="${havbruk.headline}"
  lead="${havbruk.lead}" byline="${havbruk.byline}"
  image-src="assets/${havbruk.image}-800.jpg" image-width="800" image-height="534" published="${havbruk.published}"></fjord-article-card>`,
    },
    {
      id: 'card-horizontal',
      title: 'Horizontal, attribute-only',
      note: 'For CMS templates and JSON-driven lists. The image goes beside the text when the card is at least 30rem wide.',
      static: false,
      html: `<fjord-article-card layout="horizontal" href="https://example.org/nyheter/ny-arena-pro-klynge" kicker="Næringsliv"
  headline="Ny Arena Pro-klynge" lead="Arctic Cluster Team er en av de fire nye Arena Pro-klyngene."
  image-src="assets/act-ledere-800.jpg" image-srcset="assets/act-ledere-800.jpg 800w, assets/act-ledere-1600.jpg 1600w"
  image-sizes="(min-width: 40rem) 20rem, 100vw" image-width="800" image-height="534"
  published="2021-06-10T09:30:00+02:00"></fjord-article-card>`,
    },
    {
      id: 'card-horizontal-child',
      title: 'Horizontal, written as HTML',
      note: 'The same layout from the page’s own markup: with `fjord-elements.css` linked it is laid out before the script arrives.',
      html: `<fjord-article-card layout="horizontal" href="https://example.org/${havbruk.slug}" kicker="${havbruk.kicker}" live
  published="${havbruk.published}" updated="${havbruk.updated}" byline="${havbruk.byline}">
  <img src="assets/${havbruk.image}-800.jpg" alt="" width="800" height="534">
  <h3>${havbruk.headline}</h3>
  <p>${havbruk.lead}
    <a href="${cluster.href}">${cluster.name}</a> ${havbruk.mention}</p>
</fjord-article-card>`,
    },
    {
      id: 'card-hero',
      title: 'Hero',
      note: 'A large headline that scales with the card’s width; `priority` loads its image first.',
      html: `<fjord-article-card layout="hero" priority href="https://example.org/${smelteverk.slug}" kicker="${smelteverk.kicker}"
  published="${smelteverk.published}" byline="${smelteverk.byline}">
  <img src="assets/${smelteverk.image}-800.jpg" alt="" width="800" height="534">
  <h2>${smelteverk.headline}</h2>
  <p>${smelteverk.lead}</p>
</fjord-article-card>`,
    },
    {
      id: 'card-compact',
      title: 'Compact, with a podcast marker',
      note: 'Headline and meta only: no image and no lead, for “Les også” lists.',
      html: `<fjord-article-card layout="compact" type="podcast" href="https://example.org/podkast/klyngene"
  kicker="Klynger" published="2021-06-01T06:00:00+02:00">
  <h3>Klyngene som flytter industrien nordover</h3>
</fjord-article-card>`,
    },
    {
      id: 'card-clamped',
      title: 'Clamped headline and lead, relative date',
      note: '`headline-lines` and `lead-lines` clamp with an ellipsis (the full text stays for screen readers); `date-style="relative"` always shows relative time.',
      html: `<fjord-article-card href="https://example.org/galleri" type="gallery" ratio="1:1" headline-lines="2" lead-lines="2"
  date-style="relative" published="2021-06-10T09:30:00+02:00">
  <img src="assets/havbruk-800.jpg" alt="" width="800" height="534">
  <h3>Bildeserie: Et år med havbruk, smelteverk og nye klynger langs hele kysten av Helgeland</h3>
  <p>Fotografen fulgte klyngen gjennom fire årstider, fra mørketid til midnattssol, og fra smelteverket til merdene i fjorden.</p>
</fjord-article-card>`,
    },
    {
      id: 'card-plain',
      title: 'Without a link',
      note: 'Without `href` and without a link in the headline the card is plain and not clickable.',
      html: `<fjord-article-card kicker="Notis" published="2021-06-09">
  <h3>Klyngeprogrammet får 217 millioner kroner i 2021</h3>
</fjord-article-card>`,
    },
    {
      id: 'card-loading',
      title: 'Loading',
      note: '`loading` shows a skeleton with `aria-busy="true"` while a script fills the card.',
      static: false,
      html: `<fjord-article-card loading></fjord-article-card>`,
    },
    {
      id: 'card-structured-data',
      title: 'With structured data',
      note: '`structured-data` writes a schema.org `NewsArticle` as JSON-LD (shown below the example).',
      static: false,
      html: `<fjord-article-card structured-data href="https://example.org/nyheter/${story.slug}" kicker="${story.kicker}"
  published="${story.published}" updated="2021-06-10T12:00:00+02:00" byline="${story.byline}">
  <img src="assets/${story.image}-800.jpg" alt="" width="800" height="534">
  <h3>${story.headline}</h3>
  <p>Arctic Cluster Team er en av de fire nye Arena Pro-klyngene.</p>
</fjord-article-card>`,
    },
  ],

  'fjord-fact-box': [
    {
      id: 'fact-box-list',
      title: 'A list of facts, with source and date',
      html: `<fjord-fact-box heading="${factBox.heading}" source="${factBox.source}" updated="${factBox.updated}">
  ${factList('  ')}
</fjord-fact-box>`,
    },
    {
      id: 'fact-box-dl',
      title: 'A heading element and a definition list, tone “info”',
      note: 'A heading as first child keeps its own level; a `<dl>` is laid out as rows.',
      html: `<fjord-fact-box tone="info">
  <h3>${cluster.name}</h3>
  ${clusterFacts('  ')}
</fjord-fact-box>`,
    },
    {
      id: 'fact-box-folded',
      title: 'A long box, folded',
      note: 'Taller than `collapsed-height`, so it shows the first lines and a “Vis mer” button. What the fold hides is out of reach until it opens.',
      html: `<fjord-fact-box heading="Slik fungerer klyngeprogrammet" collapsed-height="9rem" source="Innovasjon Norge">
${levels}
</fjord-fact-box>`,
    },
    {
      id: 'fact-box-open',
      title: 'The same box, open',
      note: '`open` is reflected: it follows the reader’s choice, and the page may set it.',
      html: `<fjord-fact-box heading="Klyngeprogrammets tre nivåer" collapsed-height="9rem" open source="Innovasjon Norge">
${levels}
</fjord-fact-box>`,
    },
    {
      id: 'fact-box-warning',
      title: 'Tone “warning”',
      html: `<fjord-fact-box heading="Dette vet vi ikke ennå" tone="warning" heading-level="3">
  <p>Det er ikke avklart hvor mye av budsjettet som går til klyngene i nord.</p>
</fjord-fact-box>`,
    },
    {
      id: 'fact-box-neutral',
      title: 'Tone “neutral”',
      html: `<fjord-fact-box heading="Kilder" tone="neutral" heading-level="3">
  <p>Innovasjon Norge, Siva og Norges forskningsråd.</p>
</fjord-fact-box>`,
    },
  ],

  'fjord-cluster-badge': [
    {
      id: 'badge-chip',
      title: 'Chip in running text',
      note: 'One phrase for screen readers: name, level, partners and year.',
      html: `<p>
  <fjord-cluster-badge name="Arctic Cluster Team" short-name="ACT" level="arena-pro" partners="83" since="2017"
    region="Mo i Rana"></fjord-cluster-badge>
  er én av fire klynger som får status som Arena Pro.
</p>`,
    },
    {
      id: 'badge-levels',
      title: 'Every level, NCE and ESCA',
      note: 'Each level has its own icon shape and text as well as its own colour.',
      html: `<p class="badge-row">
  <fjord-cluster-badge name="Klynge Nord" level="arena"></fjord-cluster-badge>
  <fjord-cluster-badge name="Arctic Cluster Team" short-name="ACT" level="arena-pro"></fjord-cluster-badge>
  <fjord-cluster-badge name="GCE Ocean Technology" short-name="GCE Ocean" level="gce"></fjord-cluster-badge>
  <fjord-cluster-badge name="NCE Seafood Innovation" short-name="NCE Seafood" level="arena-pro" nce></fjord-cluster-badge>
  <fjord-cluster-badge name="Eyde-klyngen" short-name="Eyde" level="gce" esca="gold"></fjord-cluster-badge>
  <fjord-cluster-badge name="Energiklyngen" level="arena" esca="silver"></fjord-cluster-badge>
  <fjord-cluster-badge name="Havbruksklyngen" level="arena" esca="bronze"></fjord-cluster-badge>
</p>`,
    },
    {
      id: 'badge-expired',
      title: 'An expired status',
      note: 'After the year in `until` the badge says “utløpt” and turns grey, with a dashed border.',
      html: `<fjord-cluster-badge name="Arena Innlandet" level="arena" since="2015" until="2020"></fjord-cluster-badge>`,
    },
    {
      id: 'badge-card',
      title: 'Card',
      note: 'Name, level, what the level means, facts and a “Les mer om …” link: the card’s only tab stop.',
      html: `<fjord-cluster-badge variant="card" ${badgeAttributes()}></fjord-cluster-badge>`,
    },
    {
      id: 'badge-card-logo',
      title: 'Card with a logo, NCE and ESCA',
      note: 'A `<picture>` in the `logo` slot can carry a dark-mode source.',
      html: `<fjord-cluster-badge variant="card" name="Eyde-klyngen" level="gce" nce esca="gold" partners="1234" since="2007"
  region="Agder" href="https://example.org/eyde">
  <picture slot="logo">
    <source srcset="assets/logo-dark.svg" media="(prefers-color-scheme: dark)">
    <img src="assets/logo.svg" alt="" width="120" height="40">
  </picture>
</fjord-cluster-badge>`,
    },
    {
      id: 'badge-structured-data',
      title: 'With structured data',
      note: '`structured-data` writes a schema.org `Organization` with the level as its `award` (shown below the example).',
      static: false,
      html: `<fjord-cluster-badge structured-data variant="card" ${badgeAttributes()}></fjord-cluster-badge>`,
    },
  ],

  'fjord-newsletter-signup': [
    {
      id: 'signup-attributes',
      title: 'Attribute form, with consent',
      note: 'The widget renders the form under the page’s heading and description. Try it: this page answers in place of an endpoint (empty or malformed addresses are caught before anything is sent).',
      html: `<fjord-newsletter-signup action="/api/newsletter" list="klyngenytt" privacy-href="https://example.org/personvern" consent-required>
  <h2>${signup.heading}</h2>
  <p>${signup.text}</p>
</fjord-newsletter-signup>`,
    },
    {
      id: 'signup-name',
      title: 'With a name field',
      note: '`name-field` adds an optional “Navn (valgfritt)” field.',
      html: `<fjord-newsletter-signup action="/api/newsletter" list="morgenbrevet" name-field>
  <h3>Morgenbrevet</h3>
  <p>Dagens viktigste saker fra Helgeland, hver morgen klokka sju.</p>
</fjord-newsletter-signup>`,
    },
    {
      id: 'signup-page-form',
      title: 'The page’s own form, with a success message',
      note: 'Without JavaScript the form posts as any form does; with it, the widget takes the form over. The `success` slot replaces the thanks.',
      html: `<fjord-newsletter-signup>
  <h3>Morgenbrevet</h3>
  <form action="/api/newsletter" method="post">
    <label>E-post <input type="email" name="email" required autocomplete="email"></label>
    <input type="hidden" name="list" value="morgenbrevet">
    <button>Meld meg på</button>
  </form>
  <p slot="success">Takk! Se etter en e-post fra oss og bekreft påmeldingen.</p>
</fjord-newsletter-signup>`,
    },
    {
      id: 'signup-error',
      title: 'After a failure',
      note: 'What the reader sees when the endpoint does not answer: the message and a “Prøv igjen” button; the typed address stays. (This page calls `fail()` to show it.)',
      static: false,
      html: `<fjord-newsletter-signup action="/api/newsletter" list="klyngenytt" data-docs-state="error">
  <h3>Klyngenytt</h3>
</fjord-newsletter-signup>`,
    },
  ],
};
