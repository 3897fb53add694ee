/**
 * The build's minifier of Lit template literals (scripts/build/minify-literals.mjs) gives up on a file it cannot
 * follow and returns it unchanged, which costs the drop-in file its bytes without a word. An apostrophe in a comment
 * inside a template's expression once made it do so.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyLiterals } from '../../scripts/build/minify-literals.mjs';

test('a comment inside a template expression does not stop the minifier', () => {
  const line = "x = html`<p>\n  ${a\n    ? // the reader's own\n      html`<b>\n  x</b>`\n    : nothing}\n</p>`;";
  assert.equal(minifyLiterals(line), "x = html`<p> ${a\n    ? // the reader's own\n      html`<b> x</b>`\n    : nothing} </p>`;");
  const block = "x = html`<p>\n  ${a /* it's */}\n</p>`;";
  assert.equal(minifyLiterals(block), 'x = html`<p> ${a /* it\'s */} </p>`;');
});

test('source it cannot follow is returned unchanged', () => {
  const source = 'x = html`<p>\n  ${a // no end';
  assert.equal(minifyLiterals(source), source);
});
