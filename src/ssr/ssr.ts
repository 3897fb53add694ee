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
    const out = collectResultSync(render(template(markup)));
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
