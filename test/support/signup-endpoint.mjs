/**
 * Signup endpoints for the <fjord-newsletter-signup> browser tests, served by the test runner's dev server.
 * Every request to `/test-api/signup/<route>?key=K…` is recorded under K (method, content type, accept, raw body),
 * and `GET /test-api/signup/log?key=K` answers the records as JSON, so a test sees exactly what was sent and how often.
 *
 * Routes (all take `delay=ms` before answering):
 * - `answer?status=200&json=<JSON text>` answers that status with that JSON body (`text=…` for a non-JSON body,
 *   `retry-after=…` for a Retry-After header; no body when neither is given).
 * - `drop` destroys the connection before any answer; `cut` sends the headers and half a JSON body, then destroys it.
 * - `flaky` answers 500 to the first request for its key and 200 `{"message":…}` to the rest.
 * - `form` answers JSON to a request that accepts JSON, and 303 to `thanks` to a plain form post (as a real
 *   endpoint does for a reader without JavaScript); `thanks` is a small HTML page.
 */
const logs = new Map();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

export async function signupEndpoint(ctx, url) {
  const route = url.pathname.slice('/test-api/signup/'.length);
  const key = url.searchParams.get('key') ?? '';
  const param = (name) => url.searchParams.get(name);
  ctx.set('cache-control', 'no-store');
  if (route === 'log') {
    ctx.body = logs.get(key) ?? [];
    return;
  }
  if (route === 'thanks') {
    ctx.type = 'html';
    ctx.body = '<!doctype html><html lang="nb"><title>Takk</title><h1>Takk for påmeldingen</h1></html>';
    return;
  }
  const body = await readBody(ctx.req);
  if (!logs.has(key)) logs.set(key, []);
  const log = logs.get(key);
  log.push({ method: ctx.method, type: ctx.get('content-type'), accept: ctx.get('accept'), body });
  const delay = Math.min(Number(param('delay') ?? 0), 10000);
  if (delay) await sleep(delay);

  if (route === 'drop') {
    ctx.status = 200; // for the dev server's request log only: nothing is sent
    ctx.respond = false;
    ctx.req.socket.destroy();
    return;
  }
  if (route === 'cut') {
    ctx.respond = false;
    ctx.res.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' });
    ctx.res.write('{"message":"Takk');
    await sleep(50);
    ctx.res.socket?.destroy();
    return;
  }
  if (route === 'flaky') {
    ctx.status = log.length === 1 ? 500 : 200;
    ctx.body = log.length === 1 ? { message: 'Internal error' } : { message: 'Takk! Nå er du påmeldt.' };
    return;
  }
  if (route === 'form') {
    if ((ctx.get('accept') ?? '').includes('application/json')) {
      ctx.body = { message: 'Takk for påmeldingen!' };
    } else {
      ctx.status = 303;
      ctx.set('location', `/test-api/signup/thanks?key=${encodeURIComponent(key)}`);
    }
    return;
  }
  if (route === 'answer') {
    ctx.status = Number(param('status') ?? 200);
    if (param('retry-after') !== null) ctx.set('retry-after', param('retry-after'));
    if (param('json') !== null) {
      ctx.type = 'application/json';
      ctx.body = param('json');
    } else if (param('text') !== null) {
      ctx.type = 'text/html';
      ctx.body = param('text');
    } else {
      ctx.body = '';
    }
    return;
  }
  ctx.status = 404;
  ctx.body = { message: `no signup test route "${route}"` };
}
