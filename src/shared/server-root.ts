import { warn } from './warn.js';

/**
 * A shadow root written on the server (fjord-elements/ssr.js) is taken over only by widgets that can hydrate: the npm
 * build loaded after fjord-elements/hydrate.js. Any other copy (the drop-in file, the autoloader) would render beside
 * the server's markup and show the widget twice; it clears that markup instead, renders its own, and says so.
 * Call it once the render root exists and before the first render.
 */
export function claimServerRoot(host: HTMLElement & { hasUpdated: boolean }): void {
  // Lit renders before the first child it found in the root; hydration support leaves that unset and takes the root over.
  const options = (host as unknown as { renderOptions: { renderBefore?: ChildNode | null } }).renderOptions;
  if (host.hasUpdated || !options.renderBefore || !host.shadowRoot?.querySelector(':not(style)')) return;
  host.shadowRoot.replaceChildren();
  options.renderBefore = null;
  warn(
    host,
    'ssr',
    'was rendered on the server, but this copy of the widgets cannot hydrate it, so it rendered anew. On server-rendered pages load fjord-elements/hydrate.js, then the npm build (not the drop-in file or the autoloader), and leave out fjord-elements.css.',
  );
}
