/**
 * The site-generator shortcodes, generated from dist/custom-elements.json so that they take exactly the attributes the
 * widgets read:
 *   integrations/hugo/layouts/shortcodes/fjord-<widget>.html   one Hugo shortcode per widget (the work is done by the
 *                                                              hand-written partial fjord-elements/widget.html)
 *   integrations/eleventy/widgets.js                           the same descriptions for the Eleventy plugin
 * Both are committed (a Hugo module is read from its folder, and Hugo users copy the files) and shipped in the npm
 * package. `npm run build` rewrites them; `node scripts/build/shortcodes.mjs --check` writes nothing and fails, naming the
 * files, when they differ from what the manifest gives (test/integrations/shortcodes.test.mjs runs it).
 *
 * What the manifest cannot say is in WIDGETS below: which widgets take content between an opening and a closing
 * shortcode (and whether that content is a block of Markdown or one inline paragraph), and which attributes become
 * children, so that the page's HTML holds the real image, headline and text (content first: it reads right with
 * JavaScript off, and the pre-upgrade stylesheet sizes it). Every attribute named there must be in the manifest, and
 * every widget in the manifest must be there, or this fails.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { customElements, display, isBoolean, readManifest, root } from './manifest.mjs';

const HUGO_DIR = 'integrations/hugo/layouts/shortcodes';
const ELEVENTY_FILE = 'integrations/eleventy/widgets.js';

const IMAGE = (prefix) => Object.fromEntries(['src', 'alt', 'width', 'height', 'srcset', 'sizes'].map((name) => [`${prefix}${name}`, name]));
/**
 * inner: 'block' (Markdown rendered as blocks: lists, paragraphs, headings), 'inline' (one paragraph's text, unwrapped)
 * or false (no closing shortcode). image: shortcode parameter → attribute of an `<img>` child. headline: parameters
 * of a heading child linked to `href`. text: a parameter written as text in the default slot (in a `<p>` with
 * wrap: 'p') when there is no inner content. Whether a widget stands inside a sentence comes from its `display` in
 * fjord-elements.css (manifest.mjs), as for the WordPress plugin.
 */
const WIDGETS = {
  'fjord-photo': { inner: 'inline', image: IMAGE(''), text: { from: 'caption', wrap: '' } },
  'fjord-article-card': {
    inner: false,
    image: IMAGE('image-'),
    headline: { text: 'headline', href: 'href', level: 'headline-level' },
    text: { from: 'lead', wrap: 'p' },
  },
  'fjord-fact-box': { inner: 'block' },
  'fjord-newsletter-signup': { inner: 'block' },
  'fjord-cluster-badge': { inner: false },
};
/** Attributes every shortcode passes through besides the widget's own (and `data-*`). */
export const GLOBAL_ATTRIBUTES = ['id', 'class', 'lang', 'dir'];

const camel = (tag) => tag.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

/** Each widget as the shortcodes see it: its parameters, which go on the tag, and which become children. */
export function describeWidgets(manifest) {
  const elements = customElements(manifest);
  const missing = elements.filter((el) => !WIDGETS[el.tagName]).map((el) => el.tagName);
  if (missing.length) throw new Error(`scripts/build/shortcodes.mjs: no entry in WIDGETS for ${missing.join(', ')}: say how its shortcode takes content.`);
  return elements.map((el) => {
    const spec = WIDGETS[el.tagName];
    const attributes = el.attributes ?? [];
    const names = attributes.map((a) => a.name);
    const consumed = [...Object.keys(spec.image ?? {}), ...Object.values(spec.headline ?? {}), spec.text?.from].filter(Boolean);
    for (const name of consumed) {
      if (!names.includes(name)) throw new Error(`scripts/build/shortcodes.mjs: WIDGETS['${el.tagName}'] names "${name}", which is not an attribute of <${el.tagName}> in the manifest.`);
    }
    const level = spec.headline && attributes.find((a) => a.name == spec.headline.level);
    return {
      tag: el.tagName,
      shortcode: camel(el.tagName),
      summary: (el.summary ?? '').replace(/\s+/g, ' ').trim(),
      inner: spec.inner,
      block: display(el.tagName) == 'block',
      // On the tag, in the manifest's order; [attribute, property] so that data objects may use either name.
      attributes: attributes.filter((a) => !consumed.includes(a.name)).map((a) => [a.name, a.fieldName ?? a.name]),
      booleans: attributes.filter((a) => isBoolean(a.type)).map((a) => a.name),
      properties: Object.fromEntries(attributes.filter((a) => consumed.includes(a.name)).map((a) => [a.name, a.fieldName ?? a.name])),
      image: spec.image ? Object.entries(spec.image) : null,
      headline: spec.headline ? { ...spec.headline, default: Number(level?.default ?? 3) } : null,
      text: spec.text ?? null,
    };
  });
}

const q = (s) => JSON.stringify(s);
const slice = (items) => `(slice ${items.map(q).join(' ')})`;

function hugoShortcode(w) {
  const params = [...w.attributes.map(([name]) => name), ...Object.keys(w.properties)];
  const usage = w.inner
    ? `{{< ${w.tag} …parameters >}}\n  Markdown${w.inner == 'inline' ? ' (one paragraph)' : ''}\n  {{< /${w.tag} >}}  (or {{< ${w.tag} … />}} without content)`
    : `{{< ${w.tag} …parameters >}}  (no closing shortcode)`;
  const spec = [
    `"tag" ${q(w.tag)}`,
    `"attributes" ${slice(w.attributes.map(([name]) => name))}`,
    `"booleans" ${w.booleans.length ? slice(w.booleans) : '(slice)'}`,
    `"globals" ${slice(GLOBAL_ATTRIBUTES)}`,
    w.image && `"image" ${slice(w.image.flat())}`,
    w.headline && `"headline" (dict "text" ${q(w.headline.text)} "href" ${q(w.headline.href)} "level" ${q(w.headline.level)} "default" ${w.headline.default})`,
    w.text && `"text" (dict "from" ${q(w.text.from)} "wrap" ${q(w.text.wrap)})`,
    w.inner && `"inner" ${q(w.inner)}`,
  ].filter(Boolean);
  return `{{- /*
<${w.tag}>: ${w.summary}
Generated by scripts/build/shortcodes.mjs from fjord-elements' custom-elements.json; do not edit.
  ${usage}
Parameters: ${params.join(', ')}; also ${GLOBAL_ATTRIBUTES.join(', ')} and data-*.
*/ -}}
{{- $widget := dict
  ${spec.join('\n  ')}
-}}
{{- partial "fjord-elements/widget.html" (dict "shortcode" . "widget" $widget${w.inner ? ' "content" .Inner' : ''}) -}}
`;
}

function eleventyModule(widgets) {
  const data = widgets.map(({ summary: _summary, ...w }) => w);
  return `// Generated by scripts/build/shortcodes.mjs from custom-elements.json; do not edit.
// Each widget as the shortcodes see it (the Hugo shortcodes are made from the same): the attributes that go on the
// tag as [attribute, property], the boolean ones, and the parameters that become an <img>, a headline or text.

/** @type {import('./index.js').WidgetShortcode[]} */
export const widgets = [
${data.map((w) => `  {\n${Object.entries(w).map(([k, v]) => `    ${k}: ${JSON.stringify(v)},`).join('\n')}\n  },`).join('\n')}
];

export const globalAttributes = ${JSON.stringify(GLOBAL_ATTRIBUTES)};
`;
}

/** Every generated file: path relative to the root → text. */
export function generate(manifest = readManifest()) {
  const widgets = describeWidgets(manifest);
  return new Map([
    ...widgets.map((w) => [`${HUGO_DIR}/${w.tag}.html`, hugoShortcode(w)]),
    [ELEVENTY_FILE, eleventyModule(widgets)],
  ]);
}

/** Generated files that differ from (or are missing beside) what the manifest gives, and stale ones to remove. */
export function differences(files = generate()) {
  const changed = [...files].filter(([path, text]) => !existsSync(join(root, path)) || readFileSync(join(root, path), 'utf8') !== text).map(([path]) => path);
  const stale = existsSync(join(root, HUGO_DIR))
    ? readdirSync(join(root, HUGO_DIR)).map((name) => `${HUGO_DIR}/${name}`).filter((path) => !files.has(path))
    : [];
  return { changed, stale };
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const files = generate();
  const { changed, stale } = differences(files);
  if (process.argv.includes('--check')) {
    if (changed.length || stale.length) {
      console.error(`scripts/build/shortcodes.mjs: ${[...changed, ...stale.map((p) => `${p} (no such widget)`)].join(', ')} differ from the manifest. Run \`npm run build\` (or node scripts/build/shortcodes.mjs) and commit them.`);
      process.exit(1);
    }
  } else {
    for (const path of changed) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), files.get(path));
    }
    if (stale.length) console.warn(`scripts/build/shortcodes.mjs: ${stale.join(', ')} belong to no widget in the manifest; remove them.`);
    console.log(`shortcodes: ${files.size - 1} Hugo shortcodes → ${HUGO_DIR}/, ${relative(root, join(root, ELEVENTY_FILE))}${changed.length ? ` (${changed.length} changed)` : ''}`);
  }
}
