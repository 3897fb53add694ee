/**
 * BENCHMARKS.md is a reference page, not a lab notebook: it stays under 15 kB (the history lives in git), and every
 * link into it from the README and the docs (`BENCHMARKS.md#anchor`) lands on one of its headings, by the heading
 * ids GitHub and the docs site both write.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import markdownIt from 'markdown-it';
import { slug } from '../../docs/eleventy.config.mjs';

const root = resolve(import.meta.dirname, '../..');
const LIMIT = 15_360;

/** The ids of the page's headings, numbered as GitHub numbers repeats (`size`, `size-1`). */
function headingIds(markdown) {
  const tokens = markdownIt().parse(markdown, {});
  const seen = new Map();
  return tokens.flatMap((token, i) => {
    if (token.type !== 'heading_open') return [];
    const id = slug(tokens[i + 1].content);
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    return [n ? `${id}-${n}` : id];
  });
}

/** README.md and every file under docs/ that can link to the page. */
function linkingFiles() {
  const walk = (dir) =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : /\.(md|njk|html|js|mjs)$/.test(name) ? [path] : [];
    });
  return [join(root, 'README.md'), ...walk(join(root, 'docs'))];
}

test('BENCHMARKS.md stays under 15 kB', () => {
  const size = statSync(join(root, 'BENCHMARKS.md')).size;
  assert.ok(size <= LIMIT, `BENCHMARKS.md is ${size.toLocaleString('en-US')} bytes, over ${LIMIT.toLocaleString('en-US')}: keep the current figures, leave the history to git`);
});

test('every BENCHMARKS.md#anchor in the README and the docs is a heading of the page', () => {
  const ids = new Set(headingIds(readFileSync(join(root, 'BENCHMARKS.md'), 'utf8')));
  const links = linkingFiles().flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/BENCHMARKS\.md#([^\s)"'>\]]+)/g)].map((m) => ({ file: relative(root, file), anchor: decodeURIComponent(m[1]) })),
  );
  assert.ok(links.length > 0, 'no BENCHMARKS.md#anchor link found; the README links into the page');
  const broken = links.filter((link) => !ids.has(link.anchor)).map((link) => `${link.file}: #${link.anchor}`);
  assert.deepEqual(broken, [], `links to headings BENCHMARKS.md does not have (its headings: ${[...ids].join(', ')})`);
});
