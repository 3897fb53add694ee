/**
 * For pages rendered with `fjord-elements/ssr.js`: import this before anything that loads Lit, and each widget takes
 * over the shadow root the server wrote instead of rendering a new one. Needs `@lit-labs/ssr-client`.
 *
 *   import 'fjord-elements/hydrate.js';
 *   import 'fjord-elements';
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
