/**
 * A plain static file server for the built docs site (dist/docs/), under a sub-path, as a static host would serve
 * it: no rewriting, no injected scripts. Used by the docs tests and `node scripts/docs/screenshots.mjs`.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.png': 'image/png',
  '.sri': 'text/plain; charset=utf-8',
};

/** Serves `dir` at `prefix` (e.g. `/fjord/docs/`) on 127.0.0.1; everything outside the prefix is 404. */
export async function serveDocs({ dir = resolve(import.meta.dirname, '../../dist/docs'), prefix = '/', port = 0 } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(prefix)) return void res.writeHead(404).end('outside the site');
    path = normalize(path.slice(prefix.length));
    if (path.startsWith('..')) return void res.writeHead(404).end();
    let file = join(dir, path);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${server.address().port}${prefix}`;
  return { base, close: () => new Promise((ok) => server.close(ok)) };
}
