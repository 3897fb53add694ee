import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SignupOptions } from './config.js';
import { createSignupHandler, type HandlerExtras, type SignupHandler } from './handler.js';
import { readerLocale, t } from './i18n.js';
import { html, sendPage } from './pages.js';

export interface ServerOptions extends SignupOptions, HandlerExtras {
  /** Port to listen on; 0 picks a free one. Default 0. */
  port?: number;
  /** Address to listen on. Default `127.0.0.1`. */
  host?: string;
}

export interface RunningServer {
  /** The server's origin, e.g. `http://127.0.0.1:8787`. */
  url: string;
  server: Server;
  handler: SignupHandler;
  /** Stops listening, ends open connections, stops the mail sender and closes the database. */
  close(): Promise<void>;
}

/**
 * Runs the signup endpoint on its own HTTP server. Besides the endpoint it serves, at `/`, a plain form that
 * posts to it without JavaScript, so the server can be tried with nothing else running, and for an operator
 * `GET /healthz`, `GET /readyz` and (with a metrics token) `GET /metrics`.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const { port = 0, host = '127.0.0.1', ...rest } = options;
  let origin = '';
  const handler = createSignupHandler({ ...rest, publicUrl: rest.publicUrl ?? (process.env.FJORD_PUBLIC_URL || (() => origin)) });
  try {
    await handler.ready;
  } catch (error) {
    await handler.close();
    throw error;
  }
  const server = createServer((req, res) =>
    handler(req, res, () => {
      const path = req.url?.split('?')[0];
      if (req.method === 'GET' || req.method === 'HEAD') {
        if (path === '/healthz') return handler.healthz(req, res);
        if (path === '/readyz') return void handler.readyz(req, res);
        if (path === '/metrics') return void handler.metrics(req, res);
        if (path === '/') return formPage(handler, req, res);
      }
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    url: origin,
    server,
    handler,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          handler.close().then(() => (error ? reject(error) : resolve()), reject);
        });
        server.closeAllConnections();
      }),
  };
}

/** The standalone server's front page: one form, every configured list, and the outcome of the last post. */
function formPage(handler: SignupHandler, req: IncomingMessage, res: ServerResponse): void {
  const { settings } = handler;
  const locale = readerLocale(undefined, req.headers['accept-language'], settings.defaultLocale);
  const text = t(locale);
  const outcome = new URLSearchParams(req.url?.split('?')[1] ?? '').get('signup');
  const notice =
    outcome === 'ok' ? html`<p class="notice" role="status">${text.success}</p>`
    : outcome === 'error' ? html`<p class="notice" role="alert">${text.signupFailedTitle}</p>`
    : html``;
  const options = Object.entries(settings.lists).map(([value, list]) => html`<option value="${value}">${list.title[locale]}</option>`);
  const body = html`${notice}
<form action="${settings.basePath}" method="post">
<label>${text.formEmail} <input type="email" name="email" required autocomplete="email" maxlength="254"></label>
<label>${text.formName} <input type="text" name="name" autocomplete="name" maxlength="200"></label>
<label>${text.formList} <select name="list">${options}</select></label>
<label class="check"><input type="checkbox" name="consent" value="on"> <span>${text.formConsent}</span></label>
<input type="hidden" name="locale" value="${locale}">
<button>${text.formSubmit}</button>
</form>`;
  sendPage(res, 200, { locale, title: text.formTitle, body, stylesheet: `${settings.basePath}/page.css` });
}
