/**
 * `/test-api/csp/page.html`: all five widgets on a page served under the strictest policy a site would use,
 * the one the README documents. The page's only script is external (test/support/csp-page.ts).
 */
import { badgeAttributes, cards, factBox, factList, photo, signup } from '../../demo/story.js';

export const STRICT_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "require-trusted-types-for 'script'",
  "trusted-types lit-html fjord-elements 'allow-duplicates'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="nb">
<head>
  <meta charset="utf-8">
  <title>fjord-elements under a strict CSP</title>
  <link rel="stylesheet" href="/src/fjord-elements.css">
  <script type="module" src="/test/support/csp-page.ts"></script>
</head>
<body>
  <fjord-photo credit="${photo.credit}" zoomable structured-data license="https://example.org/lisens">
    <img src="/test-api/image.svg?w=1600&amp;h=1067" alt="Tre kvinner står foran en industrihall" width="1600" height="1067">
    ${photo.caption}
  </fjord-photo>
  <fjord-photo src="/test-api/missing.jpg" alt="Havbruk" width="1600" height="900" caption="Et bilde som ikke lastet." credit="Demo"></fjord-photo>
  <fjord-article-card structured-data href="/nyheter/ny-arena-pro-klynge" kicker="Næringsliv" published="2021-06-10T09:30:00+02:00" byline="Redaksjonen" live type="video" sponsored sponsor="Rana Utvikling">
    <img src="/test-api/image.svg?w=1600&amp;h=1067&amp;n=2" alt="" width="1600" height="1067">
    <h3>${cards.story.headline}</h3>
    <p>${cards.story.lead}</p>
  </fjord-article-card>
  <fjord-fact-box heading="${factBox.heading}" collapsed-height="60" source="${factBox.source}" updated="${factBox.updated}">
    ${factList('    ')}
  </fjord-fact-box>
  <fjord-cluster-badge structured-data ${badgeAttributes()}></fjord-cluster-badge>
  <fjord-cluster-badge variant="card" name="Arctic Cluster Team" short-name="ACT" level="gce" nce esca="gold" partners="83" since="2017" until="2020" region="Mo i Rana" href="https://example.org/act"></fjord-cluster-badge>
  <fjord-newsletter-signup action="/test-api/csp/signup" list="klyngenytt" privacy-href="/personvern" consent-required>
    <h2>${signup.heading}</h2>
    <p>${signup.text}</p>
  </fjord-newsletter-signup>
</body>
</html>`;

export async function cspEndpoints(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  if (url.pathname === '/test-api/csp/page.html') {
    ctx.set('Content-Security-Policy', STRICT_POLICY);
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'html';
    ctx.body = PAGE;
    return;
  }
  if (url.pathname === '/test-api/csp/signup' && ctx.method === 'POST') {
    ctx.type = 'json';
    ctx.body = JSON.stringify({ message: 'Takk! Sjekk e-posten din.' });
    return;
  }
  return next();
}
