/**
 * The story the examples are built around: Arctic Cluster Team in Mo i Rana becomes one of four new Arena Pro
 * clusters (after a regional news story of 2021; the copy is our own). Its pieces are written here once and read by
 * the demo pages (demo/index.html and demo/cdn.html, filled in by demo/story-pages.js), the documentation site's
 * examples (docs/_data/examples.js) and the tests' fixtures, so a change to the story changes all three.
 *
 * Plain text only, no markup and none of `<>&"`, so a template may write any piece into HTML or an attribute as it is
 * (test/project/story-content.test.mjs holds it to that).
 */

export const headline = 'Ny Arena Pro-klynge';

/** The lead photo: its caption as the CMS printed it, without the credit glued on. */
export const photo = {
  image: 'act-ledere',
  alt: 'Tre kvinner i vinterjakker foran en industrihall med lyse vinduer, snødekte fjell bak',
  caption: 'Monica Paulsen (t.v.) og Tone Jakobsen (t.h.) i ACT sammen med Ellen Myrvold i Alcoa Mosjøen, som er styreleder i ACT.',
  credit: 'Kent Erik Sjursen',
};

/** "Fakta om klyngeprogrammet", the story's fact box. */
export const factBox = {
  heading: 'Fakta om klyngeprogrammet',
  source: 'Innovasjon Norge',
  updated: '2021-06-10',
  facts: [
    'Nærings- og fiskeridepartementet og Kommunal- og moderniseringsdepartementet finansierer programmet.',
    'Siva, Norges forskningsråd og Innovasjon Norge driver det.',
    'For 2021 er det budsjettert med 217 millioner kroner til klyngeprogrammet.',
    'Fra årsskiftet er det 39 klynger med i programmet Norwegian Innovation Clusters.',
  ],
};

/** The cluster the story is about, as its badge's attributes name it. */
export const cluster = {
  name: 'Arctic Cluster Team',
  shortName: 'ACT',
  level: 'arena-pro',
  partners: 83,
  since: 2017,
  region: 'Mo i Rana',
  href: 'https://example.org/act',
  leader: 'Monica Paulsen',
  chair: 'Ellen Myrvold, Alcoa Mosjøen',
};

/** The newsletter call at the story's foot. */
export const signup = {
  heading: 'Meld deg på vårt nyhetsbrev',
  text: 'Nyheter fra klyngene i nord, én gang i uka.',
};

/**
 * The story's own teaser and the "Les også" teasers beside it. `image` names a photo in demo/assets/
 * (`<image>-800.jpg`, 800 × 534); `mention`, when set, closes the lead after a link to the cluster.
 */
export const cards = {
  story: {
    slug: 'ny-arena-pro-klynge',
    kicker: 'Næringsliv',
    published: '2021-06-10T09:30:00+02:00',
    byline: 'Redaksjonen',
    image: 'act-ledere',
    headline,
    lead: 'Arctic Cluster Team er en av de fire nye Arena Pro-klyngene i det nasjonale klyngeprogrammet.',
  },
  smelteverk: {
    slug: 'smelteverk',
    kicker: 'Industri',
    published: '2021-06-08T07:00:00+02:00',
    byline: 'Redaksjonen',
    image: 'smelteverk',
    headline: 'Smelteverket vil kutte utslippene med 40 prosent',
    lead: 'Prosessindustrien i Mo i Rana satser på ny teknologi for å nå klimamålene.',
  },
  havbruk: {
    slug: 'havbruk',
    kicker: 'Havbruk',
    published: '2021-06-10T08:15:00+02:00',
    updated: '2021-06-10T11:40:00+02:00',
    byline: 'Redaksjonen',
    image: 'havbruk',
    headline: 'Havbruk og industri finner hverandre',
    lead: 'Spillvarme fra industrien kan gi nye muligheter for settefisk i Nordland.',
    mention: 'samler partnerne.',
  },
  mo: {
    slug: 'unge-ingeniorer',
    kicker: 'Samfunn',
    published: '2021-05-28T09:00:00+02:00',
    sponsor: 'Rana Utvikling',
    image: 'mo-i-rana',
    headline: 'Derfor flytter unge ingeniører til Mo',
    lead: 'Nye arbeidsplasser i grønn industri trekker folk nordover.',
  },
};

/** The fact box's list as HTML, each line after the first indented by `indent`. */
export function factList(indent = '') {
  return [`<ul>`, ...factBox.facts.map((fact) => `  <li>${fact}</li>`), `</ul>`].join(`\n${indent}`);
}

/** The cluster's facts as a `<dl>` (for a fact box), each line after the first indented by `indent`. */
export function clusterFacts(indent = '') {
  const rows = [['Partnere', cluster.partners], ['Klynge siden', cluster.since], ['Klyngeleder', cluster.leader], ['Styreleder', cluster.chair]];
  return [`<dl>`, ...rows.map(([term, value]) => `  <dt>${term}</dt><dd>${value}</dd>`), `</dl>`].join(`\n${indent}`);
}

/** The cluster badge's attributes, as one string for a start tag. */
export function badgeAttributes() {
  const { name, shortName, level, partners, since, region, href } = cluster;
  return `name="${name}" short-name="${shortName}" level="${level}" partners="${partners}" since="${since}" region="${region}" href="${href}"`;
}
