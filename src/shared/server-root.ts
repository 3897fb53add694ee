import { warn } from './warn.js';

/** Defined (as true) by the builds that bundle Lit themselves, all of which take Lit's production build: vite.config.ts. */
declare const FJORD_LIT_PRODUCTION: true | undefined;

/**
 * A shadow root written on the server (fjord-elements/ssr.js) is taken over only by widgets that can hydrate: the npm
 * build loaded after fjord-elements/hydrate.js. Any other copy (the drop-in file, the autoloader) would render beside
 * the server's markup and show the widget twice; it clears that markup instead, renders its own, and says so. A server
 * root the browser never attached (a `<template shadowrootmode>` left among the children) or that arrived empty is
 * rendered anew, hydration or not, rather than left blank.
 * Call it once the render root exists and before the first render.
 */
export function claimServerRoot(host: HTMLElement & { hasUpdated: boolean }): void {
  if (host.hasUpdated) return;
  const root = host.shadowRoot!;
  const stale = host.querySelector(':scope>template[shadowrootmode]');
  // Hydration support marks a root that existed before the widget as needing hydration (_$AG in Lit's production
  // build, _$needsHydration in its development build, which a bundler may pick for the npm build; the drop-in file and
  // the autoloader bundle the production build, and say so with FJORD_LIT_PRODUCTION); an empty one has nothing to hydrate.
  const h = host as unknown as { _$AG?: boolean; _$needsHydration?: boolean };
  const dev = typeof FJORD_LIT_PRODUCTION == 'undefined';
  if (stale || ((h._$AG || (dev && h._$needsHydration)) && !root.firstChild)) {
    stale?.remove();
    h._$AG = false;
    if (dev) h._$needsHydration = false;
    return warn(host, 'ssr', 'lost its server-rendered shadow root, so it rendered anew (eleventy --serve: set domDiff: false).');
  }
  // Lit renders before the first child it found in the root; hydration support leaves that unset and takes the root over.
  const options = (host as unknown as { renderOptions: { renderBefore?: ChildNode | null } }).renderOptions;
  if (!options.renderBefore || !root.querySelector(':not(style)')) return;
  root.replaceChildren();
  options.renderBefore = null;
  warn(
    host,
    'ssr',
    'cannot hydrate its server-rendered shadow root, so it rendered anew: load fjord-elements/hydrate.js, then the npm build (not the drop-in file), and no fjord-elements.css.',
  );
}
