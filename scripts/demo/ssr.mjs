/**
 * The demo article rendered on the server: `node --import tsx scripts/demo/ssr.mjs > demo-ssr.html` prints
 * demo/index.html with every widget's shadow root as Declarative Shadow DOM (src/ssr/ssr.ts), and Lit's hydration
 * support loaded before the widgets, so the page works with JavaScript off and hydrates with it on.
 * Serve the output from demo/ (its links are relative), e.g. as /demo/ssr.html in `npm start` or the test runner.
 * test/ssr/ssr.test.ts loads it in every engine.
 */
import { readFileSync } from 'node:fs';
import { renderDocument } from '../../src/ssr/ssr.ts';

const HYDRATE = '<script type="module" src="../src/ssr/hydrate.ts"></script>';

/** The demo page, server-rendered; `head` is added at the top of <head> (the tests put their error recorder there). */
export function renderDemo(head = '') {
  const page = readFileSync(new URL('../../demo/index.html', import.meta.url), 'utf8');
  // The pre-upgrade stylesheet imitates the widgets before they are defined; here the shadow roots already show them
  // (and renderDocument refuses a page that links it).
  const rendered = renderDocument(page.replace(/\s*<!--[^>]*fjord-elements\.css[^>]*-->/, '').replace(/\s*<link rel="stylesheet" href="[^"]*fjord-elements\.css"\s*\/?>/, ''));
  // The hydration support must run before Lit loads: put it before the first module script.
  const first = rendered.search(/<script type="module"/);
  const withHydration = first < 0 ? rendered.replace('</head>', `${HYDRATE}\n</head>`) : rendered.slice(0, first) + HYDRATE + '\n    ' + rendered.slice(first);
  return withHydration.replace(/<head>/i, `<head>${head}`);
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(renderDemo());
