/**
 * `/demo/ssr.html`: the demo article rendered on the server (scripts/demo/ssr.mjs), for test/ssr/ssr.test.ts. The
 * rendering runs in its own Node process, so Lit's server DOM shim stays out of the test runner. The page records
 * errors, rejections and console warnings and errors in `window.recorded` from its first line on.
 */
import { execFile } from 'node:child_process';

const RECORDER = `<script>
  window.recorded = [];
  addEventListener('error', (e) => recorded.push('error: ' + e.message));
  addEventListener('unhandledrejection', (e) => recorded.push('rejection: ' + (e.reason && e.reason.message || e.reason)));
  for (const level of ['warn', 'error']) {
    const original = console[level];
    console[level] = (...args) => { recorded.push(level + ': ' + args.map(String).join(' ')); original.apply(console, args); };
  }
</script>`;

let page;
const render = () =>
  new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/demo/ssr.mjs'], { maxBuffer: 16 << 20 }, (error, stdout, stderr) =>
      error ? reject(new Error(`scripts/demo/ssr.mjs failed: ${stderr || error.message}`)) : resolve(stdout),
    );
  });

const renderCase = (name) =>
  new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', 'test/support/ssr-cases.mjs', name], (error, stdout, stderr) =>
      error ? reject(new Error(`test/support/ssr-cases.mjs failed: ${stderr || error.message}`)) : resolve(stdout),
    );
  });

export async function ssrEndpoint(ctx, next) {
  const name = /^\/test-api\/ssr\/(hydrate|plain)\.html$/.exec(ctx.path)?.[1];
  if (name) {
    ctx.type = 'html';
    ctx.set('cache-control', 'no-store');
    ctx.body = (await renderCase(name)).replace(/<head>/i, `<head>${RECORDER}`);
    return;
  }
  if (ctx.path !== '/demo/ssr.html') return next();
  page ??= render().catch((error) => {
    page = undefined;
    throw error;
  });
  ctx.type = 'html';
  ctx.set('cache-control', 'no-store');
  ctx.body = (await page).replace(/<head>/i, `<head>${RECORDER}`);
}
