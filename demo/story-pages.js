/**
 * The demo pages hold the story's pieces from demo/story.js in their HTML, so they read right with JavaScript off and
 * every tool that reads the files (the benchmarks, Lighthouse, the server renderer) sees the story. Each piece sits
 * between two comments that name it:
 *
 *   <!-- story:fact-box class="x" -->
 *   …written from demo/story.js…
 *   <!-- /story:fact-box -->
 *
 * The opening comment's attributes go onto the piece's element, except the options a piece takes (below). `npm start`
 * fills the pieces in as it serves a page (vite.config.ts), `npm run demo:story` writes them into the files, and
 * test/project/story-content.test.mjs fails when a file holds anything else.
 *
 * Pieces: `photo` (option `sizes`: a <picture> with WebP and 1600 px sources instead of one 800 px image),
 * `fact-box`, `fact-list` (the list alone), `cluster-facts` (the cluster's `<dl>`), `badge`, `signup` (option `heading-level`, default 2) and
 * `card:<name>` for each of the story's cards (option `link="headline"`: the link in the headline, not on the card).
 */
import { badgeAttributes, cards, cluster, clusterFacts, factBox, factList, photo, signup } from './story.js';

/** `[name, value]` pairs from a comment's attribute text; a bare name has no value. */
function parseAttributes(text) {
  return [...text.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name, value]);
}

/** The attributes left after taking out a piece's options, written back as a start tag writes them. */
function passThrough(attributes, options = []) {
  return attributes
    .filter(([name]) => !options.includes(name))
    .map(([name, value]) => (value === undefined ? ` ${name}` : ` ${name}="${value}"`))
    .join('');
}

const option = (attributes, name) => attributes.find(([key]) => key === name)?.[1];

const pieces = {
  photo(attributes) {
    const sizes = option(attributes, 'sizes');
    const base = `assets/${photo.image}`;
    const image = sizes
      ? [
          `<picture>`,
          `  <source type="image/webp" srcset="${base}-800.webp 800w, ${base}-1600.webp 1600w" sizes="${sizes}" />`,
          `  <img src="${base}-1600.jpg" srcset="${base}-800.jpg 800w, ${base}-1600.jpg 1600w" sizes="${sizes}" alt="${photo.alt}" width="1600" height="1067" />`,
          `</picture>`,
        ]
      : [`<img src="${base}-800.jpg" alt="${photo.alt}" width="800" height="534" />`];
    return [`<fjord-photo${passThrough(attributes, ['sizes'])} credit="${photo.credit}">`, ...image.map((line) => `  ${line}`), `  ${photo.caption}`, `</fjord-photo>`];
  },
  'fact-box'(attributes) {
    const { heading, source, updated } = factBox;
    return [`<fjord-fact-box heading="${heading}" source="${source}" updated="${updated}"${passThrough(attributes)}>`, `  ${factList('  ')}`, `</fjord-fact-box>`];
  },
  'fact-list'() {
    return [factList()];
  },
  'cluster-facts'() {
    return [clusterFacts()];
  },
  badge(attributes) {
    return [`<fjord-cluster-badge${passThrough(attributes)} ${badgeAttributes()}></fjord-cluster-badge>`];
  },
  signup(attributes) {
    const h = `h${option(attributes, 'heading-level') ?? 2}`;
    return [`<fjord-newsletter-signup${passThrough(attributes, ['heading-level'])}>`, `  <${h}>${signup.heading}</${h}>`, `  <p>${signup.text}</p>`, `</fjord-newsletter-signup>`];
  },
  card(attributes, name) {
    const card = cards[name];
    if (!card) throw new Error(`demo/story.js has no card "${name}" (it has ${Object.keys(cards).join(', ')})`);
    const href = `#${card.slug}`;
    const inHeadline = option(attributes, 'link') === 'headline';
    const start = [
      inHeadline ? '' : ` href="${href}"`,
      ` kicker="${card.kicker}" published="${card.published}"`,
      card.updated ? ` updated="${card.updated}"` : '',
      card.byline ? ` byline="${card.byline}"` : '',
      card.sponsor ? ` sponsored sponsor="${card.sponsor}"` : '',
      passThrough(attributes, ['link']),
    ].join('');
    const mention = card.mention ? ` <a href="${cluster.href}">${cluster.name}</a> ${card.mention}` : '';
    return [
      `<fjord-article-card${start}>`,
      `  <img src="assets/${card.image}-800.jpg" alt="" width="800" height="534" />`,
      `  <h3>${inHeadline ? `<a href="${href}">${card.headline}</a>` : card.headline}</h3>`,
      `  <p>${card.lead}${mention}</p>`,
      `</fjord-article-card>`,
    ];
  },
};

const REGION = /<!-- story:([\w-]+)(?::([\w-]+))?((?:(?!-->)[^])*?) -->([^]*?)<!-- \/story:\1(?::\2)? -->/g;

/** `html` with every story piece written from demo/story.js: a piece on lines of its own keeps its indentation. */
export function fillStory(html) {
  return html.replace(REGION, (region, piece, name, attributeText, inner, offset) => {
    const render = pieces[piece];
    if (!render) throw new Error(`unknown story piece "${piece}" (known: ${Object.keys(pieces).join(', ')})`);
    const lines = render(parseAttributes(attributeText), name).flatMap((line) => line.split('\n'));
    const open = region.slice(0, region.indexOf('-->') + 3);
    const close = region.slice(region.lastIndexOf('<!--'));
    if (!inner.includes('\n')) return `${open}${lines.join(' ')}${close}`;
    const indent = /[ \t]*$/.exec(html.slice(0, offset))[0];
    return [open, ...lines.map((line) => indent + line), indent + close].join('\n');
  });
}

/** The pages that hold story pieces, relative to the repository. */
export const PAGES = ['demo/index.html', 'demo/cdn.html'];

// `node demo/story-pages.js` (npm run demo:story) writes the pieces into the pages; `--check` only says which differ.
if (typeof process !== 'undefined' && import.meta.url === `file://${process.argv[1]}`) {
  const { readFileSync, writeFileSync } = await import('node:fs');
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const page of PAGES) {
    const file = new URL(`../${page}`, import.meta.url);
    const html = readFileSync(file, 'utf8');
    const filled = fillStory(html);
    if (filled === html) continue;
    stale++;
    if (!check) writeFileSync(file, filled);
    console.log(`${page}: ${check ? 'differs from' : 'written from'} demo/story.js`);
  }
  if (check && stale) process.exitCode = 1;
}
