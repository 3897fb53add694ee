/**
 * What the build scripts read from dist/custom-elements.json and src/fjord-elements.css in the same way:
 * manifest-outputs.mjs (editor data, React types, the allowlist, cms-elements.json) and shortcodes.mjs (Hugo and
 * Eleventy shortcodes).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');

/** The manifest `npm run build` writes (custom-elements-manifest analyze). */
export const readManifest = () => JSON.parse(readFileSync(join(root, 'dist/custom-elements.json'), 'utf8'));

/** Every custom element in `manifest`, by tag name, with the module it is in. */
export const customElements = (manifest) =>
  manifest.modules
    .flatMap((mod) => (mod.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => ({ ...d, module: mod.path })))
    .sort((a, b) => a.tagName.localeCompare(b.tagName));

/** Whether an attribute's manifest type is a boolean (`boolean`, `boolean | undefined`). */
export const isBoolean = (type) => /^boolean(\s*\|\s*undefined)?$/.test(type?.text ?? '');

/**
 * Whether a widget is a block or sits in a line of text, from its `display` in fjord-elements.css (`inline-…` is
 * inline): the stylesheet that gives the widget its box before upgrade is the one place that says so.
 */
export function display(tagName) {
  const css = readFileSync(join(root, 'src/fjord-elements.css'), 'utf8');
  const value = new RegExp(`^${tagName} \\{\\s*display: ([a-z-]+);`, 'm').exec(css)?.[1];
  if (!value) throw new Error(`src/fjord-elements.css has no "${tagName} { display: … }" rule.`);
  return value.startsWith('inline') ? 'inline' : 'block';
}
