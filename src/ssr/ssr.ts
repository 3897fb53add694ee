/**
 * Server rendering in Node, for CMSs and static site generators: HTML with fjord tags in, the same HTML out with
 * each widget's shadow root written as Declarative Shadow DOM (`<template shadowrootmode="open">`), so the page
 * shows the styled widgets before, and without, JavaScript. In the browser, load
 * `@lit-labs/ssr-client/lit-element-hydrate-support.js` before the widgets and they take over that markup.
 *
 *   import { renderDocument } from 'fjord-elements/ssr.js';
 *   const html = renderDocument(await readFile('article.html', 'utf8'));
 *
 * Needs `@lit-labs/ssr` beside `fjord-elements`. Importing this module defines every widget in Lit's server DOM shim.
 */
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import type { TemplateResult } from 'lit';
import { setServerLang } from '../shared/locale.js';
import '../index.js';

export interface RenderOptions {
  /**
   * The language of the page the markup goes into (`nb`, `nn`, `en` …). Widgets with their own `lang` attribute use
   * theirs; the server cannot see the page's other `lang` attributes.
   */
  lang?: string;
}

/**
 * Left to the browser: a signup with the page's own `<form>`. The server cannot see that child, would render the
 * widget's form beside it, and without JavaScript the page would show two forms; unrendered, the page's form posts as it is.
 */
const PAGE_FORM = /<fjord-newsletter-signup\b([^>]*)>((?:(?!<\/fjord-newsletter-signup\s*>)[\s\S])*?<form\b[\s\S]*?)<\/fjord-newsletter-signup\s*>/gi;
// Renamed for the render, so the server takes it for plain markup (Lit's `disableSsr` option confuses the hydration
// markers of the elements after it), then named back.
const STAND_IN = 'fjord-client-rendered-signup';

/**
 * Which child goes to which named slot, as each widget decides in the browser: a photo's and a card's first `<img>` or
 * `<picture>`, a card's and a signup's first heading, and a fact box's heading when it is the first element. The server cannot see
 * children, so without the `slot` attribute they would show in the widget's main content until hydration, then move.
 */
const SLOTS: Record<string, [RegExp, string, first?: boolean][]> = {
  'fjord-photo': [[/^(img|picture)$/, 'image']],
  'fjord-article-card': [
    [/^(img|picture)$/, 'image'],
    [/^h[1-6]$/, 'headline'],
  ],
  'fjord-fact-box': [[/^h[1-6]$/, 'heading', true]],
  'fjord-newsletter-signup': [[/^h[1-6]$/, 'heading']],
};
const VOID = /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/;
const RAW = /^(script|style|textarea|title)$/;
const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
/** One attribute of a start tag: its name, and its value quoted either way or bare. */
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

/** The value of a start tag's own `slot` attribute, not of text that looks like one inside another attribute's value. */
function slotOf(attrs: string): string | undefined {
  for (const [, name, double, single, bare] of attrs.matchAll(ATTR)) if (name.toLowerCase() == 'slot') return double ?? single ?? bare ?? '';
}

interface Child {
  name: string;
  slot?: string;
  /** Where a `slot` attribute can be written: right after the tag name. */
  at: number;
}
interface Open {
  name: string;
  /** The direct children, kept only for the widgets in SLOTS. */
  children?: Child[];
}

/** Writes `slot="…"` on the children the widgets would move into a named slot themselves. */
function assignSlots(markup: string): string {
  const open: Open[] = [];
  const widgets: Open[] = [];
  const scan = new RegExp(TAG);
  for (let m; (m = scan.exec(markup)); ) {
    const [whole, closing, tag, attrs] = m;
    if (!tag) continue;
    const name = tag.toLowerCase();
    if (closing) {
      const i = open.findLastIndex((el) => el.name == name);
      if (i >= 0) open.length = i;
      continue;
    }
    open.at(-1)?.children?.push({ name, slot: slotOf(attrs), at: m.index + 1 + tag.length });
    if (RAW.test(name)) {
      const end = markup.toLowerCase().indexOf(`</${name}`, scan.lastIndex);
      scan.lastIndex = end < 0 ? markup.length : end;
    } else if (!VOID.test(name) && !whole.endsWith('/>')) {
      const el: Open = { name, children: SLOTS[name] && [] };
      if (el.children) widgets.push(el);
      open.push(el);
    }
  }
  const inserts: [number, string][] = [];
  for (const { name, children = [] } of widgets) {
    for (const [tags, slot, first] of SLOTS[name]) {
      if (children.some((c) => c.slot == slot)) continue;
      const child = first ? children[0] : children.find((c) => !c.slot && tags.test(c.name));
      if (child && !child.slot && tags.test(child.name)) inserts.push([child.at, ` slot="${slot}"`]);
    }
  }
  let out = markup;
  for (const [at, text] of inserts.sort((a, b) => b[0] - a[0])) out = out.slice(0, at) + text + out.slice(at);
  return out;
}

/**
 * A template of fixed markup. Built by hand rather than with `lit/static-html.js`, whose cache keeps every distinct
 * markup for the life of the process; this one is garbage once rendered.
 */
function template(markup: string): TemplateResult {
  const strings = Object.assign([markup], { raw: [markup] }) as unknown as TemplateStringsArray;
  return { ['_$litType$']: 1, strings, values: [] } as unknown as TemplateResult;
}

/** Renders an HTML fragment: each fjord element in it gets its shadow root as Declarative Shadow DOM. */
export function renderFragment(markup: string, options: RenderOptions = {}): string {
  setServerLang(options.lang ?? '');
  try {
    const marked = assignSlots(markup).replace(PAGE_FORM, `<${STAND_IN}$1>$2</${STAND_IN}>`);
    const out = collectResultSync(render(template(marked))).replaceAll(STAND_IN, 'fjord-newsletter-signup');
    // Lit's markers around the fragment itself; the markers inside each widget stay, as hydration reads them.
    return out.replace(/^<!--lit-part [^>]*-->/, '').replace(/<!--\/lit-part-->$/, '');
  } finally {
    setServerLang('');
  }
}

/**
 * Renders a whole page: the `<body>` as in `renderFragment`, in the language of `<html lang>`; the rest as it was.
 * A string without a `<body>` is rendered as a fragment.
 */
export function renderDocument(page: string): string {
  const open = /<body\b[^>]*>/i.exec(page);
  const close = page.search(/<\/body\s*>/i);
  if (!open || close < open.index) return renderFragment(page);
  const lang = /<html\b[^>]*?\slang\s*=\s*["']?([^"'\s>]+)/i.exec(page)?.[1];
  const start = open.index + open[0].length;
  const out = page.slice(0, start) + renderFragment(page.slice(start, close), { lang }) + page.slice(close);
  const conflict = out.includes('shadowrootmode') && CONFLICT.exec(page.replace(/<!--[\s\S]*?-->/g, ''));
  if (conflict) throw new Error(conflictMessage(conflict[1] ?? conflict[2]));
  return out;
}

/**
 * The drop-in file, the autoloader and the pre-upgrade stylesheet are for pages the browser renders. Beside the
 * server's shadow roots they show every widget twice: the stylesheet's stand-in captions and credits next to the real
 * ones, and the drop-in file's widgets, which cannot take the server's markup over, next to it.
 */
const CONFLICT = /<(?:link|script)\b[^>]*?\s(?:href|src)\s*=\s*["']?(?:(?:[^"'\s>]*\/)?(fjord-elements\.(?:css|js))|[^"'\s>]*fjord-elements[^"'\s>]*\/(autoloader\.js))[?#"'\s>]/i;

function conflictMessage(file: string): string {
  return (
    `fjord-elements/ssr.js: this page loads ${file}, which belongs to pages rendered in the browser: beside server-rendered ` +
    `widgets it shows each of them twice. On server-rendered pages, leave out fjord-elements.css, and load the widgets from ` +
    `the npm build after fjord-elements/hydrate.js instead of the drop-in file or the autoloader (see the server-rendering guide, docs/guides/server-rendering.md).`
  );
}
