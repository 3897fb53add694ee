import type { ServerResponse } from 'node:http';
import type { Locale } from '../src/shared/locale.js';

/** Text that is already HTML. Anything else put into {@link html} is escaped. */
export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A template tag that escapes every value except {@link Html} (and arrays of it). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const part = (value: unknown): string =>
    value instanceof Html ? value.value : Array.isArray(value) ? value.map(part).join('') : escapeHtml(String(value ?? ''));
  return new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? part(values[i]) : ''), ''));
}

/** The pages' one stylesheet, served from the endpoint so that a strict Content Security Policy allows it. */
export const PAGE_CSS = `:root{color-scheme:light dark;font:1.0625rem/1.5 system-ui,sans-serif}
body{margin:0;background:Canvas;color:CanvasText}
main{box-sizing:border-box;max-width:36rem;margin:12vh auto 2rem;padding:0 1.5rem}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 .75rem}
a{color:LinkText}
form{display:grid;gap:1rem}
label{display:grid;gap:.25rem}
label.check{grid-template-columns:auto 1fr;align-items:start;gap:.5rem}
input,select,button{font:inherit}
input[type=email],input[type=text],select{padding:.5rem;border:1px solid GrayText;border-radius:.25rem}
button{justify-self:start;padding:.5rem 1.25rem;border-radius:.25rem}
.notice{padding:.75rem 1rem;border-left:.25rem solid;margin:0 0 1.5rem}
`;

/** Headers for every HTML answer: nothing inline may run, nothing is cached, and the token in the URL goes nowhere. */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-robots-tag': 'noindex',
  'cache-control': 'no-store',
};

/** Sends a small page: a heading and its body, in the reader's language. */
export function sendPage(
  res: ServerResponse,
  status: number,
  page: { locale: Locale; title: string; body: Html; stylesheet: string },
  headers: Record<string, string> = {},
): void {
  const document = html`<!doctype html>
<html lang="${page.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${page.title}</title>
<link rel="stylesheet" href="${page.stylesheet}">
</head>
<body>
<main>
<h1>${page.title}</h1>
${page.body}
</main>
</body>
</html>
`;
  res.writeHead(status, { ...PAGE_HEADERS, ...headers });
  res.end(document.value);
}
