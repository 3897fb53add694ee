/**
 * Turns dist/custom-elements.json (written by `custom-elements-manifest analyze`) into what editors, React and
 * readers use, so that all of them say the same as the widgets' JSDoc:
 *   dist/vscode.html-custom-data.json, dist/vscode.css-custom-data.json  VS Code HTML and CSS custom data
 *   dist/web-types.json                                                   JetBrains IDEs (WebStorm, IntelliJ)
 *   dist/npm/react.d.ts                                                   React 19 JSX types, `fjord-elements/react`
 *   dist/allowlist.json, dist/npm/sanitize.js (+ .d.ts)                   the sanitizer allowlist and presets, `fjord-elements/sanitize.js`
 *   dist/cms-elements.json                                                each widget's attributes, slots and display, for CMS plugins
 * The reference tables of the docs site (docs/eleventy.config.mjs) are generated from the same manifest.
 * `npm run build` runs it before building the docs site.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { customElements, display, isBoolean, readManifest, root } from './manifest.mjs';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const manifest = readManifest();
const elements = customElements(manifest);

/** The global tokens (`--fjord-accent` …) and their defaults: each `var(--fjord-x, default)` in the shared token sheet. */
const tokens = (() => {
  const css = readFileSync(join(root, 'src/shared/tokens.ts'), 'utf8');
  const found = new Map();
  for (const m of css.matchAll(/var\((--fjord-[a-z-]+),\s*/g)) {
    let depth = 1;
    let i = m.index + m[0].length;
    const start = i;
    for (; i < css.length && depth; i++) depth += css[i] === '(' ? 1 : css[i] === ')' ? -1 : 0;
    if (!found.has(m[1])) found.set(m[1], css.slice(start, i - 1).trim());
  }
  return [...found].map(([name, fallback]) => ({ name, default: fallback }));
})();

const oneLine = (text = '') => text.replace(/\s*\n\s*/g, ' ').trim();
/**
 * Where an editor's "documentation" link goes: the widget's page of the docs site when package.json's homepage is
 * where the site is published (`photo.html` beside its index), else the package's npm page.
 */
const apiUrl = (tag) =>
  pkg.homepage ? `${pkg.homepage.replace(/[#?].*$/, '').replace(/[^/]*$/, '')}${tag.replace(/^fjord-/, '')}.html` : `https://www.npmjs.com/package/${pkg.name}`;
const publicFields = (el) =>
  (el.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.readonly && m.privacy !== 'private' && m.privacy !== 'protected');
/** String-literal members of a union type: `'chip' | 'card'` → ['chip', 'card']; none for other types. */
function literals(type) {
  const parts = (type?.text ?? '').split('|').map((s) => s.trim()).filter((s) => s !== 'undefined');
  return parts.length && parts.every((p) => /^'[^']*'$|^"[^"]*"$/.test(p)) ? parts.map((p) => p.slice(1, -1)) : [];
}

/** A tag's description for tooltips: summary, description, then slots, events, parts and custom properties. */
function markdown(el) {
  const list = (title, items, name = (i) => i.name) =>
    items?.length ? `\n\n**${title}:**\n${items.map((i) => `- \`${name(i)}\` — ${oneLine(i.description)}`).join('\n')}` : '';
  return (
    `${oneLine(el.description)}` +
    list('Slots', el.slots, (s) => (s.name ? s.name : '(default)')) +
    list('Events', el.events) +
    list('CSS parts', el.cssParts) +
    list('CSS custom properties', el.cssProperties)
  );
}

// VS Code: https://github.com/microsoft/vscode-custom-data
const htmlData = {
  $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  tags: elements.map((el) => ({
    name: el.tagName,
    description: { kind: 'markdown', value: markdown(el) },
    attributes: (el.attributes ?? []).map((a) => {
      const values = literals(a.type);
      return {
        name: a.name,
        description: oneLine(a.description) + (a.default ? `\n\nDefault: \`${a.default}\`` : ''),
        ...(isBoolean(a.type) ? { valueSet: 'v' } : values.length ? { values: values.map((name) => ({ name })) } : {}),
      };
    }),
    references: [{ name: 'fjord-elements API reference', url: apiUrl(el.tagName) }],
  })),
};

const cssData = {
  $schema: 'https://raw.githubusercontent.com/microsoft/vscode-css-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  properties: [
    ...tokens.map((t) => ({ name: t.name, description: `fjord-elements global token. Default: \`${t.default}\`` })),
    ...elements.flatMap((el) =>
      (el.cssProperties ?? []).map((p) => ({
        name: p.name,
        description: `<${el.tagName}>: ${oneLine(p.description)}${p.default ? ` Default: \`${p.default}\`` : ''}`,
      })),
    ),
  ],
  pseudoElements: elements.flatMap((el) =>
    (el.cssParts ?? []).map((p) => ({ name: `::part(${p.name})`, description: `<${el.tagName}>: ${oneLine(p.description)}` })),
  ),
};

// JetBrains: https://github.com/JetBrains/web-types
const webTypes = {
  $schema: 'https://json.schemastore.org/web-types',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  'js-types-syntax': 'typescript',
  contributions: {
    html: {
      elements: elements.map((el) => ({
        name: el.tagName,
        description: oneLine(el.description),
        'doc-url': apiUrl(el.tagName),
        source: { module: `./${el.module}`, symbol: el.name },
        attributes: (el.attributes ?? []).map((a) => ({
          name: a.name,
          description: oneLine(a.description),
          ...(a.default ? { default: a.default } : {}),
          value: isBoolean(a.type)
            ? { type: 'boolean', kind: 'no-value' }
            : { type: a.type?.text ?? 'string', kind: 'plain' },
        })),
        slots: (el.slots ?? []).map((s) => ({ name: s.name, description: oneLine(s.description) })),
        js: {
          properties: publicFields(el).map((f) => ({ name: f.name, description: oneLine(f.description), type: f.type?.text })),
          events: (el.events ?? []).map((e) => ({ name: e.name, description: oneLine(e.description), type: e.type?.text })),
        },
        css: {
          properties: (el.cssProperties ?? []).map((p) => ({ name: p.name, description: oneLine(p.description) })),
          parts: (el.cssParts ?? []).map((p) => ({ name: p.name, description: oneLine(p.description) })),
        },
      })),
    },
    css: { properties: tokens.map((t) => ({ name: t.name, description: `Global token. Default: \`${t.default}\`` })) },
  },
};

/** React 19 JSX types: properties (set as properties), attributes (kebab-case names) and `on<event-name>` listeners. */
function reactTypes() {
  const doc = (text, indent = '  ') => (text ? `${indent}/** ${oneLine(text).replace(/\*\//g, '*\\/')} */\n` : '');
  const imports = elements.map((el) => `import type { ${el.name} } from './${el.module.replace(/^dist\/npm\//, '')}';`);
  const interfaces = elements.map((el) => {
    const lines = [];
    const fields = publicFields(el);
    const fieldNames = new Set(fields.map((f) => f.name));
    for (const f of fields) lines.push(`${doc(f.description)}  ${f.name}?: ${el.name}['${f.name}'];`);
    for (const a of el.attributes ?? []) {
      if (fieldNames.has(a.name)) continue;
      const type = isBoolean(a.type) ? 'boolean' : /number/.test(a.type?.text ?? '') ? 'number | string' : 'string';
      lines.push(`${doc(a.description)}  '${a.name}'?: ${type};`);
    }
    for (const e of el.events ?? []) {
      const type = e.type ? `HTMLElementEventMap['${e.name}']` : 'CustomEvent';
      lines.push(`${doc(e.description)}  'on${e.name}'?: (event: ${type}) => void;`);
    }
    const own = [...fieldNames, ...(el.attributes ?? []).map((a) => a.name)].map((n) => `'${n}'`);
    return `/** \`<${el.tagName}>\` in JSX: ${oneLine(el.summary ?? el.description)} */\nexport interface ${el.name}Props extends FjordElementProps<${el.name}, ${[...new Set(own)].join(' | ') || 'never'}> {\n${lines.join('\n')}\n}`;
  });
  return `// Generated by scripts/build/manifest-outputs.mjs from custom-elements.json. Do not edit.
/**
 * JSX types for React 19, which passes props to custom elements as properties (when the element has one) or
 * attributes, and adds a listener for \`on<event-name>\` props: \`<fjord-fact-box onfjord-fact-box-toggle={…}>\`.
 * Use: \`import type {} from 'fjord-elements/react';\` once, or add "fjord-elements/react" to \`types\` in tsconfig.json.
 */
import type { HTMLAttributes, RefAttributes } from 'react';
${imports.join('\n')}

/** What every fjord element takes besides its own props: React's HTML props (\`class\` too, as React 19 allows it on custom elements), less the names it uses itself. */
export type FjordElementProps<E extends HTMLElement, Own extends PropertyKey = never> = Omit<HTMLAttributes<E>, Own> &
  RefAttributes<E> & { class?: string };

${interfaces.join('\n\n')}

/** Every fjord element by tag. */
export interface FjordElementsJSX {
${elements.map((el) => `  '${el.tagName}': ${el.name}Props;`).join('\n')}
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends FjordElementsJSX {}
  }
}
`;
}

/**
 * What the widgets read on their children, beside their own attributes: the image, the headline and its link, the
 * fact box's lists, the logo's `<picture>`, and the signup's own form. `slot` wherever the page may place a child.
 */
const CHILDREN = {
  img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding', 'fetchpriority', 'slot'],
  picture: ['slot'],
  source: ['srcset', 'sizes', 'media', 'type', 'width', 'height'],
  a: ['href', 'slot'],
  ...Object.fromEntries(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => [h, ['slot']])),
  p: ['slot'],
  span: ['slot'],
  ul: [],
  ol: [],
  li: [],
  dl: [],
  dt: [],
  dd: [],
  form: ['action', 'method', 'slot'],
  label: ['for'],
  input: ['type', 'name', 'value', 'required', 'autocomplete', 'placeholder', 'checked', 'id'],
  button: ['type', 'name', 'value'],
};
/**
 * Attributes whose value must be one of a list (compared lower-cased). `<input type>`: the types the signup reads in a
 * page's own form (an address, a name, hidden fields such as `list`, the consent box), so that a post cannot build a
 * password or file field.
 */
const ATTRIBUTE_VALUES = { input: { type: ['email', 'text', 'hidden', 'checkbox'] } };
const CHILD_URLS = { img: ['src', 'srcset'], source: ['srcset'], a: ['href'], form: ['action'] };
/** The schemes `safeUrl` (src/shared/safe-url.ts) lets through; relative and fragment URLs besides. */
const URL_SCHEMES = ['http', 'https', 'mailto', 'tel'];

/**
 * The sanitizer allowlist. A fjord attribute holds a URL when its widget checks it as one: the built module calls
 * `checkedUrl(this, '<attribute>', …)` or `checkedSrcset(…)` (src/shared/safe-url.ts). A name found there that the
 * manifest does not list fails the build, so the two cannot drift apart.
 */
function allowlist() {
  const attributes = {};
  const urlAttributes = {};
  const srcsetAttributes = {};
  for (const el of elements) {
    const names = (el.attributes ?? []).map((a) => a.name);
    attributes[el.tagName] = names;
    const code = readFileSync(join(root, el.module), 'utf8');
    const checked = [...code.matchAll(/checked(Url|Srcset)\(this, '([a-z-]+)'/g)];
    for (const [, kind, name] of checked) {
      if (!names.includes(name)) throw new Error(`manifest-outputs: <${el.tagName}> checks "${name}" as a URL, but the manifest has no such attribute.`);
      const urls = (urlAttributes[el.tagName] ??= []);
      if (!urls.includes(name)) urls.push(name);
      if (kind == 'Srcset') (srcsetAttributes[el.tagName] ??= []).push(name);
    }
    if (urlAttributes[el.tagName]) urlAttributes[el.tagName] = names.filter((name) => urlAttributes[el.tagName].includes(name));
  }
  return {
    tags: [...elements.map((el) => el.tagName), ...Object.keys(CHILDREN)],
    attributes: { ...attributes, ...CHILDREN },
    urlAttributes: { ...urlAttributes, ...CHILD_URLS },
    srcsetAttributes: { ...srcsetAttributes, img: ['srcset'], source: ['srcset'] },
    attributeValues: ATTRIBUTE_VALUES,
    urlSchemes: URL_SCHEMES,
  };
}

function sanitizeModule(list) {
  return `// Generated by scripts/build/manifest-outputs.mjs from custom-elements.json. Do not edit.
import { presets } from './sanitize/presets.js';

/** Every fjord tag with every attribute it reads, what the widgets need on their children, and which attributes hold URLs. */
export const allowlist = ${JSON.stringify(list, null, 2)};

export const { forDOMPurify, forSanitizeHtml, addDOMPurifyHooks } = presets(allowlist);
`;
}

const SANITIZE_TYPES = `// Generated by scripts/build/manifest-outputs.mjs. Do not edit.
import type { Allowlist, presets } from './sanitize/presets.js';
export type { Allowlist, DOMPurifyConfig, DOMPurifyLike, DOMPurifyAttributeHookEvent, FjordDOMPurifyConfig, SanitizeHtmlOptions, FjordSanitizeHtmlOptions } from './sanitize/presets.js';

/** Every fjord tag with every attribute it reads, what the widgets need on their children, and which attributes hold URLs. */
export declare const allowlist: Allowlist;
/** A DOMPurify configuration: the page's own \`config\` with the fjord tags and attributes added. */
export declare const forDOMPurify: ReturnType<typeof presets>['forDOMPurify'];
/** Installs a DOMPurify hook for what its configuration cannot say: every \`srcset\`-style candidate's URL scheme, and the values an attribute may have (\`<input type>\`). */
export declare const addDOMPurifyHooks: ReturnType<typeof presets>['addDOMPurifyHooks'];
/** sanitize-html options: the page's own \`options\` (over the optional \`defaults\`, else sanitize-html 2's own defaults) with the fjord tags, attributes and URL rules added. */
export declare const forSanitizeHtml: ReturnType<typeof presets>['forSanitizeHtml'];
`;

/**
 * What a CMS plugin builds its shortcodes and blocks from (integrations/wordpress): per widget its tag, title (the
 * summary up to its first bracket), description, whether it is a block or sits in a line of text (its `display` in
 * fjord-elements.css: `inline-…` is inline), every attribute with its kind (`string`, `boolean` or `number`), its
 * values when the type is a list of literals, and its default, and its slots.
 */
function cmsElements() {
  return elements.map((el) => ({
      tag: el.tagName,
      title: oneLine(el.summary ?? el.tagName).replace(/\s*[(.].*$/, ''),
      description: oneLine(el.description),
      display: display(el.tagName),
      attributes: (el.attributes ?? []).map((a) => {
        const values = literals(a.type);
        const kind = isBoolean(a.type) ? 'boolean' : /^number\b/.test(a.type?.text ?? '') ? 'number' : 'string';
        return { name: a.name, kind, description: oneLine(a.description), ...(values.length ? { values } : {}), ...(a.default && kind != 'boolean' ? { default: a.default.replace(/^'(.*)'$/, '$1') } : {}) };
      }),
      slots: (el.slots ?? []).map((s) => ({ name: s.name, description: oneLine(s.description) })),
  }));
}

function write(path, text) {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}
const json = (value) => JSON.stringify(value, null, 2) + '\n';

write('dist/vscode.html-custom-data.json', json(htmlData));
write('dist/vscode.css-custom-data.json', json(cssData));
write('dist/web-types.json', json(webTypes));
if (existsSync(join(root, 'dist/npm'))) write('dist/npm/react.d.ts', reactTypes());
const list = allowlist();
write('dist/allowlist.json', json(list));
write('dist/cms-elements.json', json(cmsElements()));
if (existsSync(join(root, 'dist/npm/sanitize/presets.js'))) {
  write('dist/npm/sanitize.js', sanitizeModule(list));
  write('dist/npm/sanitize.d.ts', SANITIZE_TYPES);
}

const untyped = elements.flatMap((el) => (el.events ?? []).filter((e) => !e.type).map((e) => `${e.name} (<${el.tagName}>)`));
if (untyped.length) console.warn(`manifest-outputs: no HTMLElementEventMap entry for ${untyped.join(', ')}; typed as CustomEvent.`);
console.log(`manifest-outputs: ${elements.length} elements → ${relative(root, join(root, 'dist'))}/{vscode.*-custom-data,web-types}.json, dist/npm/react.d.ts, dist/allowlist.json, dist/cms-elements.json, dist/npm/sanitize.js`);
