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
    const marked = markup.replace(PAGE_FORM, `<${STAND_IN}$1>$2</${STAND_IN}>`);
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
  return page.slice(0, start) + renderFragment(page.slice(start, close), { lang }) + page.slice(close);
}
