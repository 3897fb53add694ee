/**
 * `fjord-elements/eleventy`: the widgets in an Eleventy site in one call,
 *   eleventyConfig.addPlugin(fjordElements);
 * - a shortcode per widget for Nunjucks, Liquid and Markdown (through the site's template engine for Markdown),
 *   generated from the widgets' manifest (./widgets.js): `fjordPhoto`, `fjordFactBox` and `fjordNewsletterSignup`
 *   are paired and render the Markdown between them with the site's own Markdown library; `fjordArticleCard` and
 *   `fjordClusterBadge` are single;
 * - `fjordElementsHead`, the drop-in's <link> and <script> for <head>, and the package's dist/cdn/ folder copied to
 *   /fjord-elements/ (`assets: false` for a server-rendered site, which must not load them).
 * The shortcodes write the same markup as the Hugo ones (integrations/hugo): attributes HTML-escaped, and the image,
 * headline and text the widget reads as real children of the tag, so the page reads right before and without the
 * script.
 */
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { globalAttributes, widgets } from './widgets.js';

const CDN = fileURLToPath(new URL('../../dist/cdn', import.meta.url));

/** HTML-escaped for an attribute value or text; a line break as a character reference, so the markup has no blank line. */
const escape = (value) =>
  String(value).replace(/[&<>"'\n]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\n': '&#10;' })[c]);

/** The lines' shared indentation taken off, and blank lines at either end. */
export function dedent(text) {
  const lines = String(text).replace(/^\s*\n/, '').replace(/\s+$/, '').split('\n');
  const indents = lines.filter((line) => /\S/.test(line)).map((line) => /^[ \t]*/.exec(line)[0].length);
  const indent = indents.length ? Math.min(...indents) : 0;
  return lines.map((line) => line.replace(new RegExp(`^[ \\t]{0,${indent}}`), '')).join('\n');
}

/**
 * A shortcode's arguments as one map of parameters: objects (a data object, or Nunjucks keyword arguments) merged in
 * order, and strings taken as name, value pairs: `"heading", "Fakta"` (Liquid has no named arguments).
 */
function parameters(args) {
  const params = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg && typeof arg == 'object' && !Array.isArray(arg)) {
      for (const [name, value] of Object.entries(arg)) if (name != '__keywords') params[name] = value;
    } else if (arg !== undefined) {
      params[String(arg)] = args[++i];
    }
  }
  return params;
}

/** A parameter's value as an attribute value: dates as ISO 8601 (Eleventy's `page.date` is a Date). */
const text = (value) => (value instanceof Date ? value.toISOString() : String(value));

/**
 * Renders one widget: `params` by attribute name (`short-name`) or property name (`shortName`), `content` the
 * Markdown between paired shortcodes. `warn` receives what was wrong with the parameters.
 */
export function renderWidget(widget, params, { content, markdown, warn = () => {} } = {}) {
  const names = new Map();
  for (const [attribute, property] of [...widget.attributes, ...Object.entries(widget.properties)]) {
    names.set(attribute, attribute).set(property, attribute);
  }
  for (const name of globalAttributes) names.set(name, name);
  const given = new Map();
  for (const [name, value] of Object.entries(params)) {
    const attribute = names.get(name) ?? (name.startsWith('data-') ? name : undefined);
    if (!attribute) {
      warn(`has no parameter "${name}"; it is left out. It takes: ${[...widget.attributes.map(([a]) => a), ...Object.keys(widget.properties), ...globalAttributes, 'data-*'].join(', ')}.`);
    } else if (value !== undefined && value !== null) {
      given.set(attribute, value);
    }
  }
  const has = (name) => given.has(name);
  const value = (name) => escape(text(given.get(name)));

  let attrs = '';
  for (const [name] of widget.attributes) {
    if (!has(name)) continue;
    if (widget.booleans.includes(name)) {
      const flag = String(given.get(name));
      if (flag != 'true' && flag != 'false') warn(`${name}="${flag}" is a boolean: give true, or leave it out for false. Taken as true.`);
      if (flag != 'false') attrs += ` ${name}`;
    } else {
      attrs += ` ${name}="${value(name)}"`;
    }
  }
  for (const name of [...given.keys()].filter((n) => globalAttributes.includes(n) || n.startsWith('data-')).sort()) {
    attrs += ` ${name}="${value(name)}"`;
  }

  const children = [];
  if (widget.image) {
    const [[src]] = widget.image;
    const img = widget.image.filter(([name]) => has(name)).map(([name, attribute]) => ` ${attribute}="${value(name)}"`).join('');
    if (has(src)) children.push(`<img${img}>`);
    else if (img) warn(`the image needs ${src}; without it the other image parameters are left out.`);
  }
  if (widget.headline) {
    const { text: from, href, level: levelName, default: fallback } = widget.headline;
    if (has(from)) {
      let level = fallback;
      if (has(levelName)) {
        if (/^[1-6]$/.test(String(given.get(levelName)))) level = Number(given.get(levelName));
        else warn(`${levelName}="${given.get(levelName)}" must be 1 to 6; ${level} is used.`);
      }
      const headline = has(href) ? `<a href="${value(href)}">${value(from)}</a>` : value(from);
      children.push(`<h${level}>${headline}</h${level}>`);
    } else {
      for (const name of [href, levelName]) if (has(name)) attrs += ` ${name}="${value(name)}"`;
    }
  }
  let rendered = '';
  const source = content === undefined ? '' : dedent(content);
  if (source && markdown) rendered = render(markdown, source, widget.inner).replace(/^\n+|\n+$/g, '');
  if (widget.text && has(widget.text.from)) {
    if (rendered) warn(`has both ${widget.text.from} and content between its shortcodes; the content is used.`);
    else children.push(widget.text.wrap ? `<${widget.text.wrap}>${value(widget.text.from)}</${widget.text.wrap}>` : value(widget.text.from));
  }
  if (rendered) children.push(rendered);

  const html = children.length ? `<${widget.tag}${attrs}>\n${children.join('\n')}\n</${widget.tag}>` : `<${widget.tag}${attrs}></${widget.tag}>`;
  // In a Markdown page the template engine runs first and Markdown then reads this as a block of HTML, which a blank
  // line would end (a code block's, say); a blank line on either side makes it a block of its own.
  return widget.block ? `\n${html.replace(/\n([ \t]*)(?=\n)/g, '&#10;$1')}\n\n` : html;
}

/** Markdown rendered as blocks, or for one paragraph unwrapped from its <p> (as Hugo's RenderString does inline). */
function render(markdown, source, display) {
  const html = markdown.render(source);
  if (display == 'inline') {
    const single = /^<p>([\s\S]*)<\/p>\n?$/.exec(html);
    if (single && !single[1].includes('<p>')) return single[1];
  }
  return html;
}

/** @param {import('./index.js').FjordElementsOptions} [options] */
export default function fjordElements(eleventyConfig, options = {}) {
  const { assets = true, url = '/fjord-elements/' } = options;
  let siteMarkdown;
  eleventyConfig.amendLibrary('md', (library) => {
    siteMarkdown ??= library;
  });
  let ownMarkdown;
  /** The site's Markdown library; before Eleventy has made it (a Nunjucks page first), one made as Eleventy makes it. */
  const markdown = () => {
    if (eleventyConfig.libraryOverrides?.md) return eleventyConfig.libraryOverrides.md;
    if (siteMarkdown) return siteMarkdown;
    if (!ownMarkdown) {
      // Eleventy's own markdown-it, found from where the site's Eleventy is installed.
      const require = createRequire(createRequire(join(process.cwd(), 'package.json')).resolve('@11ty/eleventy'));
      const markdownIt = require('markdown-it');
      ownMarkdown = markdownIt({ html: true, ...eleventyConfig.markdownOptions });
      ownMarkdown.disable('code');
      for (const amend of eleventyConfig.libraryAmendments?.md ?? []) amend(ownMarkdown);
    }
    return ownMarkdown;
  };
  const warned = new Set();
  const warner = (widget, page) => (message) => {
    const line = `[fjord-elements] ${page?.inputPath ?? ''}: ${widget.shortcode} ${message}`;
    if (!warned.has(line)) console.warn(line);
    warned.add(line);
  };

  for (const widget of widgets) {
    if (widget.inner) {
      eleventyConfig.addPairedShortcode(widget.shortcode, function (content, ...args) {
        return renderWidget(widget, parameters(args), { content, markdown: markdown(), warn: warner(widget, this?.page) });
      });
    } else {
      eleventyConfig.addShortcode(widget.shortcode, function (...args) {
        return renderWidget(widget, parameters(args), { warn: warner(widget, this?.page) });
      });
    }
  }

  const base = url.endsWith('/') ? url : `${url}/`;
  eleventyConfig.addShortcode(
    'fjordElementsHead',
    () => `<link rel="stylesheet" href="${escape(base)}fjord-elements.css">\n<script type="module" src="${escape(base)}fjord-elements.js"></script>`,
  );
  if (assets && /^\/[^/]/.test(base)) {
    eleventyConfig.addPassthroughCopy({ [relative(process.cwd(), CDN).split('\\').join('/')]: base.slice(1, -1) });
  }
}
