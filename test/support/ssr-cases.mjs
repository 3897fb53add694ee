/**
 * Small server-rendered pages for test/ssr/server-rendered.test.ts, rendered by src/ssr/ssr.ts in a Node process of their
 * own (`node --import tsx test/support/ssr-cases.mjs <case>` prints the page). `hydrate` pages load the hydration
 * support before the widgets, as the README says; `plain` pages load the widgets alone, as the drop-in file would.
 */
import { renderDocument } from '../../src/ssr/ssr.ts';

const HOURS_AGO = new Date(Date.now() - 3 * 36e5).toISOString();
const BODY = `<main style="width: 600px; font: 16px/1.5 sans-serif">
  <p>Ingress før kortet.</p>
  <fjord-article-card href="/sak" kicker="Næringsliv" headline="Ny Arena Pro-klynge" byline="Redaksjonen" published="${HOURS_AGO}"></fjord-article-card>
  <p class="mark">Mellom kortet og bildet.</p>
  <fjord-photo credit="Kent Erik Sjursen">
    <img src="/test-api/image.svg?w=1600&h=1067" alt="Tre kvinner foran en industrihall" width="1600" height="1067">
    Monica Paulsen og Tone Jakobsen i ACT.
  </fjord-photo>
  <p class="mark">Etter bildet.</p>
  <fjord-fact-box source="Innovasjon Norge">
    <h3>Fakta om ACT</h3>
    <ul><li>83 partnere</li></ul>
  </fjord-fact-box>
  <p class="mark">Etter faktaboksen.</p>
</main>`;

const SCRIPTS = {
  hydrate: '<script type="module" src="/src/ssr/hydrate.ts"></script><script type="module" src="/src/index.ts"></script>',
  plain: '<script type="module" src="/src/index.ts"></script>',
};

export function renderCase(name) {
  return renderDocument(`<!doctype html><html lang="nb"><head><meta charset="utf-8">${SCRIPTS[name] ?? ''}</head><body>${BODY}</body></html>`);
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(renderCase(process.argv[2]));
