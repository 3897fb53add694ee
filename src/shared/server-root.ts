import { warn } from './warn.js';

/**
 * A shadow root written on the server (fjord-elements/ssr.js) is taken over only by widgets that can hydrate: the npm
 * build loaded after fjord-elements/hydrate.js. Any other copy (the drop-in file, the autoloader) would render beside
 * the server's markup and show the widget twice; it clears that markup instead, renders its own, and says so.
 * Call it once the render root exists and before the first render.
 */
export function claimServerRoot(host: HTMLElement & { hasUpdated: boolean }): void {
  const own = host as typeof host & { _$needsHydration?: boolean; renderOptions: { renderBefore?: ChildNode | null } };
  if (host.hasUpdated || own._$needsHydration || !host.shadowRoot?.querySelector(':not(style)')) return;
  host.shadowRoot.replaceChildren();
  // Lit renders before the root's first child as it found it.
  own.renderOptions.renderBefore = null;
  warn(
    host,
    'ssr',
    'was rendered on the server, but this copy of the widgets cannot hydrate it, so it rendered anew. On server-rendered pages load fjord-elements/hydrate.js, then the npm build (not the drop-in file or the autoloader), and leave out fjord-elements.css.',
  );
}
