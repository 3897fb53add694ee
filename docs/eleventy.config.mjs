/**
 * The documentation site: Eleventy 3 with the library's own drop-in file, as a site builder would use it.
 *   npm run docs         serves it with live reload (after npm run build)
 *   npm run build:docs   writes the static site to dist/docs/
 *
 * Every URL the site writes is relative and every page sits at the top of dist/docs/, so the folder works from any
 * static host and under any sub-path without configuration. The reference tables are generated from
 * dist/custom-elements.json (the widgets' JSDoc); every Markdown file in docs/guides/ becomes a guide page.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import markdownIt from 'markdown-it';
// Markdown in a template loses the indentation all its lines share, as in the shortcodes of the Eleventy plugin.
import { dedent } from '../integrations/eleventy/index.js';

const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const manifestFile = join(root, 'dist/custom-elements.json');

/** The widgets, in the order the site lists them; the page of `fjord-photo` is `photo.html`. */
export const WIDGETS = ['fjord-photo', 'fjord-article-card', 'fjord-fact-box', 'fjord-cluster-badge', 'fjord-newsletter-signup'];
const pageOf = (tag) => `${tag.replace(/^fjord-/, '')}.html`;

/** Guides in reading order; any other file in docs/guides/ follows, by name. */
const GUIDE_ORDER = [
  'getting-started',
  'cms',
  'theming',
  'languages',
  'frameworks',
  'server-rendering',
  'signup-endpoint',
  'security',
  'structured-data',
  'performance',
  'testing',
];

function manifest() {
  if (!existsSync(manifestFile)) throw new Error('docs: dist/custom-elements.json is missing; run `npm run build` first.');
  return JSON.parse(readFileSync(manifestFile, 'utf8'));
}

/** A heading's id as GitHub writes it, so links written for the repository keep working on the site. */
export function slug(text) {
  return text
    .toLowerCase()
    .trim()
    .replace(/<[^>]+>/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

const escape = (text = '') =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** Text of a JSDoc description: inline Markdown (code, emphasis, links), never raw HTML. */
const inline = markdownIt({ html: false, linkify: false, typographer: false });
const prose = (text = '') => inline.renderInline(text.replace(/\s*\n\s*/g, ' ').trim());

/** Which guide or page a Markdown link written for the repository means on the site. */
function siteHref(href, guides) {
  if (/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(href)) return href;
  const [path, hash = ''] = href.split('#');
  const name = basename(path);
  const fragment = hash ? `#${hash}` : '';
  // The README's sections are not pages of the site: its links go to the overview.
  if (/^README\.md$/i.test(name)) return 'index.html';
  if (/^BENCHMARKS\.md$/i.test(name)) return `benchmarks.html${fragment}`;
  const guide = name.replace(/\.md$/, '');
  if (name.endsWith('.md') && guides.has(guide)) return `${guide}.html${fragment}`;
  const pages = new Set([...guides, 'index', 'benchmarks', ...WIDGETS.map((tag) => tag.replace(/^fjord-/, ''))]);
  if (path === name && name.endsWith('.html') && pages.has(name.slice(0, -5))) return href;
  return undefined;
}

/** Every guide's name, from docs/guides/*.md. */
function guideNames() {
  const dir = join(root, 'docs/guides');
  return new Set(existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, '')) : []);
}

/** The example figure: the markup live on the page, the same markup as code, and a copy button. */
export function exampleFigure({ id, title, html, note = '' }) {
  const code = html.trim();
  return `<figure class="example" id="${escape(id)}">
<figcaption><a class="anchor" href="#${escape(id)}">${escape(title)}</a>${note ? ` <span class="example-note">${prose(note)}</span>` : ''}</figcaption>
<div class="example-live" lang="nb">
${code}
</div>
<div class="example-code"><div class="code-bar"><span>HTML</span><button type="button" class="copy" data-copy="${escape(id)}-code" hidden>Copy HTML</button></div>
<pre id="${escape(id)}-code" tabindex="0" aria-label="HTML of ${escape(title)}"><code>${escape(code).replace(/\n/g, '&#10;')}</code></pre></div>
</figure>`.replace(/\n\s*\n/g, '\n');
}

/** The reference tables of one widget, from the manifest. */
function reference(tag) {
  const el = manifest()
    .modules.flatMap((m) => (m.declarations ?? []).map((d) => ({ ...d, module: m.path })))
    .find((d) => d.customElement && d.tagName === tag);
  if (!el) throw new Error(`docs: <${tag}> is not in dist/custom-elements.json`);
  const code = (text) => (text ? `<code>${escape(text)}</code>` : '—');
  const table = (kind, caption, head, rows) =>
    rows.length
      ? `<div class="table-wrap" tabindex="0" role="region" aria-labelledby="ref-${kind}"><table class="reference" data-ref="${kind}">
<caption id="ref-${kind}">${caption}</caption>
<thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((r) => `<tr>${r.map((c, i) => (i ? `<td>${c}</td>` : `<th scope="row">${c}</th>`)).join('')}</tr>`).join('\n')}
</tbody></table></div>`
      : `<p class="none" data-ref="${kind}">${caption}: none.</p>`;
  const members = el.members ?? [];
  const attrs = el.attributes ?? [];
  const attrFields = new Set(attrs.map((a) => a.fieldName));
  const fields = members.filter(
    (m) => m.kind === 'field' && m.privacy !== 'private' && m.privacy !== 'protected' && (m.static || m.readonly || !attrFields.has(m.name)),
  );
  const methods = members.filter((m) => m.kind === 'method' && m.privacy !== 'private' && m.privacy !== 'protected');
  const qualified = (m) => `${m.static ? `${el.name}.` : ''}${m.name}`;
  const entry = `${pkg.name}/${el.module.replace(/^dist\/npm\/[^/]+\/(.+)$/, '$1')}`;
  return [
    `<p>Class <code>${el.name}</code>. Drop-in: <code>fjord-elements.js</code> registers it; npm: <code>import '${escape(entry)}';</code></p>`,
    `<h3 id="attributes">Attributes and properties</h3>`,
    table(
      'attributes',
      'Attributes and the properties they set',
      ['Attribute', 'Property', 'Type', 'Default', 'Description'],
      attrs.map((a) => [code(a.name), code(a.fieldName), code(a.type?.text), code(a.default), prose(a.description)]),
    ),
    fields.length ? `<h3 id="properties">Properties without an attribute</h3>` : '',
    fields.length
      ? table(
          'properties',
          'Properties without an attribute',
          ['Property', 'Type', 'Default', 'Description'],
          fields.map((f) => [code(qualified(f)), code(f.type?.text), code(f.default), prose(f.description)]),
        )
      : '',
    methods.length ? `<h3 id="methods">Methods</h3>` : '',
    methods.length
      ? table(
          'methods',
          'Methods',
          ['Method', 'Description'],
          methods.map((m) => [
            code(`${qualified(m)}(${(m.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}: ${p.type?.text ?? 'unknown'}`).join(', ')})`),
            prose(m.description),
          ]),
        )
      : '',
    `<h3 id="events">Events</h3>`,
    table(
      'events',
      'Events',
      ['Event', 'Type', 'Description'],
      (el.events ?? []).map((e) => [code(e.name), code(e.type?.text ?? 'CustomEvent'), prose(e.description)]),
    ),
    `<h3 id="slots">Slots</h3>`,
    table('slots', 'Slots', ['Slot', 'Description'], (el.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', prose(s.description)])),
    `<h3 id="parts">CSS parts</h3>`,
    table('parts', 'CSS parts, for <code>::part()</code>', ['Part', 'Description'], (el.cssParts ?? []).map((p) => [code(p.name), prose(p.description)])),
    `<h3 id="css-custom-properties">CSS custom properties</h3>`,
    table(
      'css-properties',
      'CSS custom properties',
      ['Property', 'Default', 'Description'],
      (el.cssProperties ?? []).map((p) => [code(p.name), code(p.default), prose(p.description)]),
    ),
  ]
    .filter(Boolean)
    .join('\n');
}

/** The widget's summary line from its JSDoc. */
function summary(tag) {
  const el = manifest()
    .modules.flatMap((m) => m.declarations ?? [])
    .find((d) => d.customElement && d.tagName === tag);
  return prose(el?.summary ?? el?.description ?? '');
}

/** Stylesheets written as ```css live blocks in guides, by output file; written beside the pages. */
const liveCss = new Map();

export default function (eleventyConfig) {
  const guides = guideNames();
  const md = markdownIt({ html: true, linkify: false, typographer: false });
  md.core.ruler.push('fjord-site', (state) => {
    const seen = new Map();
    state.tokens.forEach((token, i) => {
      // An empty header cell (a table whose last column needs no title) is a plain cell: a header must name something.
      if (token.type === 'th_open' && !state.tokens[i + 1]?.content?.trim()) {
        token.tag = 'td';
        const close = state.tokens.slice(i).find((t) => t.type === 'th_close');
        if (close) close.tag = 'td';
      }
    });
    for (const token of state.tokens) {
      if (token.type === 'heading_open') {
        const text = state.tokens[state.tokens.indexOf(token) + 1]?.content ?? '';
        let id = slug(text);
        const n = seen.get(id) ?? 0;
        seen.set(id, n + 1);
        if (n) id += `-${n}`;
        token.attrSet('id', id);
      }
      for (const child of token.children ?? []) {
        if (child.type !== 'link_open') continue;
        const href = child.attrGet('href');
        const mapped = siteHref(href, guides);
        if (mapped !== undefined) child.attrSet('href', mapped);
        else {
          // A link to a file of the repository that is not a page of the site: keep its text, drop the link.
          console.warn(`docs: ${state.env?.page?.inputPath ?? 'a page'} links to ${href}, which is not part of the site; shown as text.`);
          child.type = 'fjord_dropped_open';
          const close = token.children.slice(token.children.indexOf(child)).find((t) => t.type === 'link_close');
          if (close) close.type = 'fjord_dropped_close';
        }
      }
    }
  });
  md.renderer.rules.fjord_dropped_open = () => '';
  md.renderer.rules.fjord_dropped_close = () => '';
  const exampleCount = new WeakMap();
  const fence = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const [, lang, flag, title] = /^(\S*)\s*(\S*)\s*(.*)$/.exec(token.info.trim());
    if (flag === 'live' && lang === 'html') {
      const n = (exampleCount.get(env) ?? 0) + 1;
      exampleCount.set(env, n);
      return exampleFigure({ id: `example-${n}`, title: title.replace(/^"|"$/g, '') || 'Live example', html: token.content });
    }
    if (flag === 'live' && lang === 'css') {
      const file = `${env.page.fileSlug}-live.css`;
      liveCss.set(file, (liveCss.get(file) ?? '') + token.content);
      return `<link rel="stylesheet" href="${file}">\n${fence(tokens, idx, options, env, self).replace(/^<pre>/, '<pre tabindex="0">')}`;
    }
    return fence(tokens, idx, options, env, self).replace(/^<pre>/, '<pre tabindex="0">');
  };
  // Table alignment as a class, not a style attribute, which a strict style-src blocks.
  for (const rule of ['th_open', 'td_open']) {
    md.renderer.rules[rule] = (tokens, idx, options, env, self) => {
      const token = tokens[idx];
      const align = /text-align:(\w+)/.exec(token.attrGet('style') ?? '')?.[1];
      if (align) {
        token.attrs = token.attrs.filter(([name]) => name !== 'style');
        token.attrJoin('class', `align-${align}`);
      }
      return self.renderToken(tokens, idx, options);
    };
  }
  eleventyConfig.setLibrary('md', md);

  eleventyConfig.addPairedShortcode('md', (content) => md.render(dedent(content)));
  eleventyConfig.addShortcode('reference', reference);
  eleventyConfig.addShortcode('benchmarks', function () {
    return md.render(readFileSync(join(root, 'BENCHMARKS.md'), 'utf8'), { page: this.page });
  });
  eleventyConfig.addShortcode('summary', summary);
  eleventyConfig.addFilter('pageOf', pageOf);
  eleventyConfig.addFilter('example', exampleFigure);
  eleventyConfig.addGlobalData('widgets', WIDGETS.map((tag) => ({ tag, url: pageOf(tag), name: tag.replace(/^fjord-/, '') })));
  eleventyConfig.addGlobalData('pkg', { name: pkg.name, version: pkg.version });

  eleventyConfig.addCollection('guides', (api) =>
    api.getFilteredByGlob('docs/guides/*.md').sort((a, b) => {
      const rank = (p) => (GUIDE_ORDER.includes(p.fileSlug) ? GUIDE_ORDER.indexOf(p.fileSlug) : GUIDE_ORDER.length);
      return rank(a) - rank(b) || a.fileSlug.localeCompare(b.fileSlug);
    }),
  );

  // The library as a site installs it: the drop-in folder, copied as it is built. And the demo's photos.
  eleventyConfig.addPassthroughCopy({ 'dist/cdn': 'fjord-elements' });
  eleventyConfig.addPassthroughCopy({ 'demo/assets/*-800.jpg': 'assets', 'demo/assets/*-1600.jpg': 'assets' });
  eleventyConfig.addPassthroughCopy({ 'docs/assets': 'assets' });
  eleventyConfig.addWatchTarget('dist/custom-elements.json');
  eleventyConfig.addWatchTarget('BENCHMARKS.md');

  eleventyConfig.on('eleventy.after', ({ dir }) => {
    mkdirSync(dir.output, { recursive: true });
    for (const [file, css] of liveCss) writeFileSync(join(dir.output, file), css);
  });

  eleventyConfig.setServerOptions({ domDiff: false, showVersion: false });

  return {
    dir: { input: 'docs', output: 'dist/docs', includes: '_includes', data: '_data' },
    templateFormats: ['njk', 'md'],
    markdownTemplateEngine: false,
    htmlTemplateEngine: 'njk',
  };
}
