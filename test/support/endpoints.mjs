/**
 * Real HTTP endpoints for the browser tests, served by the test runner's own dev server.
 * `/test-api/image.svg?w=1600&h=1067&delay=300` answers an SVG of that size after `delay` ms;
 * `/test-api/missing.jpg` answers 404. `/test-api/signup/*` are the newsletter signup endpoints (signup-endpoint.mjs).
 * `/test-api/cdn/<file>` serves `dist/cdn/<file>` byte for byte, as a CDN would (the dev server rewrites the imports
 * of the JavaScript it serves under `/dist/`, which changes their hashes).
 */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { signupEndpoint } from './signup-endpoint.mjs';

const CDN = join(import.meta.dirname, '../../dist/cdn');

export async function testEndpoints(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  // The hostile-input tests make the browser request paths such as `/%E0%A4%A`: answer them here, as a server
  // would, instead of letting the static file server print a stack trace for each.
  try {
    decodeURIComponent(url.pathname);
  } catch {
    ctx.status = 400;
    return;
  }
  if (url.pathname.startsWith('/test-api/signup/')) return signupEndpoint(ctx, url);
  if (url.pathname === '/test-api/image.svg') {
    const w = Number(url.searchParams.get('w') ?? 1600);
    const h = Number(url.searchParams.get('h') ?? 1067);
    const delay = Math.min(Number(url.searchParams.get('delay') ?? 0), 5000);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    ctx.type = 'image/svg+xml';
    ctx.set('cache-control', 'no-store');
    ctx.body = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><rect width="${w}" height="${h}" fill="#7a8fa3"/><circle cx="${w / 2}" cy="${h / 2}" r="${h / 4}" fill="#e8c872"/></svg>`;
    return;
  }
  if (url.pathname.startsWith('/test-api/cdn/')) {
    const file = basename(url.pathname);
    try {
      ctx.body = await readFile(join(CDN, file));
      ctx.type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.json') ? 'application/json' : 'text/plain';
      ctx.set('cache-control', 'no-store');
    } catch {
      ctx.status = 404;
    }
    return;
  }
  if (url.pathname === '/test-api/missing.jpg') {
    ctx.status = 404;
    ctx.body = 'not found';
    return;
  }
  return next();
}
