import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Locale } from '../src/shared/locale.js';
import { resolveSettings, type Settings, type SignupOptions } from './config.js';
import { emailKey, SignupStore, type SignupRow } from './db.js';
import { readerLocale, t, type LinkAction, type LinkOutcome } from './i18n.js';
import { composeMail, mask, OutboxSender, smtpTransport, type Transport } from './mail.js';
import { html, PAGE_CSS, sendPage } from './pages.js';
import { validateSignup } from './validate.js';

/** A connect-style middleware (Node's `http`, Express, Fastify through its middleware support, Vite's dev server) that owns the signup endpoint. */
export interface SignupHandler {
  (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): void;
  readonly settings: Settings;
  /** Resolves when the database is open and migrated (requests wait for it); rejects when it cannot be. */
  readonly ready: Promise<void>;
  /** The database, once `ready` has resolved. */
  readonly store: SignupStore;
  /** The outbox sender, when mail goes out over SMTP (`smtpUrl`, `FJORD_SMTP_URL`). */
  readonly sender: OutboxSender | undefined;
  /** Stops the sender (letting mails being handed over finish) and closes the database. */
  close(): Promise<void>;
}

export interface HandlerExtras {
  /** Sends mail through this transport rather than one made from `smtpUrl` (a nodemailer transport, for instance). */
  transport?: Transport;
}

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
/** A body declared larger than this is refused without reading it, and the connection is closed. */
const DRAIN_LIMIT = 1024 * 1024;

/**
 * Creates the endpoint under `basePath` (default `/api/newsletter`):
 * - `POST /api/newsletter` records a signup (urlencoded or JSON) and queues the confirmation mail;
 * - `GET /api/newsletter/confirm?token=…` and `GET /api/newsletter/unsubscribe?token=…` answer a page whose button
 *   posts to the same URL; only that `POST` confirms or unsubscribes (a mail scanner fetching the links changes
 *   nothing), and a `POST` to the unsubscribe link is also the mail's one-click unsubscribe (RFC 8058);
 * - `GET /api/newsletter/page.css` is those pages' stylesheet.
 * Other paths go to `next`. With an SMTP server set, an outbox sender in the same process sends the mails.
 */
export function createSignupHandler(options: SignupOptions & HandlerExtras = {}): SignupHandler {
  const settings = resolveSettings(options);
  const base = settings.basePath;
  const stylesheet = `${base}/page.css`;
  let warnedOrigin = false;
  const mailing = Boolean(settings.smtpUrl || options.transport);

  const publicOrigin = (): string => {
    const url = settings.publicUrl();
    if (url) return new URL(url).origin;
    if (!warnedOrigin) settings.log('[signup] No public URL set (FJORD_PUBLIC_URL): mail links point to http://localhost.');
    warnedOrigin = true;
    return 'http://localhost';
  };
  const mailFrom = () => settings.mailFrom ?? `no-reply@${new URL(publicOrigin()).hostname}`;
  const mailDomain = () => /@([^\s>@]+)>?\s*$/.exec(mailFrom())?.[1] ?? new URL(publicOrigin()).hostname;

  let store: SignupStore | undefined;
  let sender: OutboxSender | undefined;
  const ready = SignupStore.open(settings.database, {
    now: settings.now,
    ipSalt: settings.ipSalt,
    confirmTtlMs: settings.confirmTtlMs,
    unsubscribeTtlMs: settings.unsubscribeTtlMs,
    resendAfterMs: settings.resendAfterMs,
    poolSize: settings.poolSize,
    compose(row, confirmToken, unsubscribeToken) {
      const list = settings.lists[row.list]?.title[row.locale] ?? row.list;
      const origin = publicOrigin();
      const confirmUrl = `${origin}${base}/confirm?token=${confirmToken}`;
      const unsubscribeUrl = `${origin}${base}/unsubscribe?token=${unsubscribeToken}`;
      settings.log(`[signup] ${row.list}: confirmation mail to ${mask(row.email)} queued.${mailing ? '' : ` Confirm: ${confirmUrl}`}`);
      return composeMail({ locale: row.locale, list, confirmUrl, unsubscribeUrl, hours: hours(settings.confirmTtlMs), domain: mailDomain() });
    },
  }).then((opened) => {
    store = opened;
    if (mailing) {
      sender = new OutboxSender({
        from: mailFrom(),
        store: opened,
        transport: options.transport ?? smtpTransport(settings.smtpUrl!),
        log: settings.log,
        now: settings.now,
        maxAgeMs: settings.confirmTtlMs,
        ...settings.sender,
      });
      sender.start();
      settings.log(`[signup] Mail goes out over SMTP (${redact(settings.smtpUrl ?? 'a transport of the caller')}) from ${mailFrom()}.`);
    } else {
      settings.log('[signup] No SMTP server set (FJORD_SMTP_URL): confirmation mails are written to this log, not sent.');
    }
  });
  // A caller that never looks at `ready` still hears of a database that cannot be opened, on the first request.
  ready.catch(() => undefined);

  async function route(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
    await ready;
    const method = req.method ?? 'GET';
    if (path === base) {
      if (method === 'POST') return signup(req, res);
      return refuse(req, res, 405, { allow: 'POST' });
    }
    for (const action of ['confirm', 'unsubscribe'] as const) {
      if (path !== `${base}/${action}`) continue;
      const token = query.get('token') ?? '';
      // GET only asks (mail scanners fetch links); POST acts. A POST to the unsubscribe link is also RFC 8058's
      // one-click unsubscribe (List-Unsubscribe-Post); its body says nothing we need.
      if (method === 'GET') return askPage(req, res, action, token);
      if (method === 'POST') {
        req.resume();
        return linkPage(req, res, await (action === 'confirm' ? confirmOutcome(token) : unsubscribeOutcome(token)));
      }
      return refuse(req, res, 405, { allow: 'GET, POST' });
    }
    if (path === stylesheet && (method === 'GET' || method === 'HEAD')) {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' });
      return void res.end(method === 'HEAD' ? undefined : PAGE_CSS);
    }
    return refuse(req, res, 404);
  }

  async function signup(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const type = mediaType(req.headers['content-type']);
    const json = /\bapplication\/json\b/i.test(req.headers.accept ?? '') || type === JSON_TYPE;
    const acceptLanguage = req.headers['accept-language'];
    let locale = readerLocale(undefined, acceptLanguage, settings.defaultLocale);
    const answer = (status: number, message: string, extra: { field?: string; retryAfter?: number } = {}) => {
      const headers: Record<string, string> = extra.retryAfter ? { 'retry-after': String(extra.retryAfter) } : {};
      if (json) return sendJson(res, status, extra.field ? { message, field: extra.field } : { message }, headers);
      answerNative(req, res, status, locale, message, headers);
    };
    const early = (status: number, message: string, retryAfter?: number) => {
      drain(req, res);
      answer(status, message, { retryAfter });
    };

    const ip = settings.clientIp(req);
    const ipWait = await store!.hit('ip', store!.hashIp(ip), settings.perIp, settings.windowMs);
    if (ipWait) return early(429, t(locale).tooMany, ipWait);
    if (type !== FORM && type !== JSON_TYPE) return early(415, t(locale).unsupportedType);
    if (Number(req.headers['content-length']) > settings.maxBodyBytes) return early(413, t(locale).tooLarge);
    const body = await readBody(req, settings.maxBodyBytes);
    if (!body) return early(413, t(locale).tooLarge);
    const fields = parseFields(type, body);
    if (!fields) return answer(400, t(locale).unreadable);

    locale = readerLocale(fields.locale, acceptLanguage, settings.defaultLocale);
    const checked = validateSignup(fields, settings.lists, locale, sourceFromReferer(req));
    if (!checked.ok) return answer(422, t(locale).reasons[checked.reason], { field: checked.field });
    const addressWait = await store!.hit('address', store!.hashAddress(emailKey(checked.value.email)), settings.perAddress, settings.windowMs);
    if (addressWait) return answer(429, t(locale).tooMany, { retryAfter: addressWait });

    // New, pending and confirmed addresses get the very same answer, so the form cannot tell who is subscribed.
    const { mail } = await store!.signup(checked.value, ip);
    if (mail) sender?.wake();
    answer(200, t(locale).success);
  }

  /** A plain form post: back to the page it came from with `?signup=ok|error`, or a page when that is another site. */
  function answerNative(req: IncomingMessage, res: ServerResponse, status: number, locale: Locale, message: string, headers: Record<string, string>) {
    const ok = status >= 200 && status < 300;
    const back = sameOriginReferer(req);
    if (back) {
      back.searchParams.set('signup', ok ? 'ok' : 'error');
      res.writeHead(303, { location: `${back.origin}${back.pathname}${back.search}`, 'cache-control': 'no-store', ...headers });
      return void res.end();
    }
    const text = t(locale);
    sendPage(res, status, { locale, title: ok ? text.signupDoneTitle : text.signupFailedTitle, body: html`<p>${message}</p>`, stylesheet }, headers);
  }

  function sameOriginReferer(req: IncomingMessage): URL | undefined {
    const referer = parseUrl(req.headers.referer);
    if (!referer || !/^https?:$/.test(referer.protocol)) return undefined;
    const secure = 'encrypted' in req.socket && Boolean(req.socket.encrypted);
    const own = [parseUrl(`${secure ? 'https' : 'http'}://${req.headers.host}`)?.origin, parseUrl(settings.publicUrl())?.origin];
    return own.includes(referer.origin) ? referer : undefined;
  }

  async function confirmOutcome(token: string): Promise<{ outcome: LinkOutcome; row?: SignupRow }> {
    const { outcome, row } = await store!.confirm(token);
    return { outcome: outcome === 'expired' ? 'confirm-expired' : outcome, row };
  }

  async function unsubscribeOutcome(token: string): Promise<{ outcome: LinkOutcome; row?: SignupRow }> {
    const { outcome, row } = await store!.unsubscribe(token);
    return { outcome: outcome === 'expired' ? 'unsubscribe-expired' : outcome, row };
  }

  /** The page a confirm or unsubscribe link opens, in the language the reader signed up in: a button that posts the link. */
  async function askPage(req: IncomingMessage, res: ServerResponse, action: LinkAction, token: string) {
    const row = await store!.signupFor(token, action);
    const locale = row?.locale ?? readerLocale(undefined, req.headers['accept-language'], settings.defaultLocale);
    const ask = t(locale).linkAsk[action];
    const list = row ? (settings.lists[row.list]?.title[locale] ?? row.list) : '';
    const body = html`<p>${ask.text(list)}</p>
<form method="post" action="${base}/${action}?token=${encodeURIComponent(token)}"><button type="submit">${ask.button}</button></form>`;
    sendPage(res, 200, { locale, title: ask.title, body, stylesheet });
  }

  /** The page a confirm or unsubscribe link's button leads to, in the language the reader signed up in. */
  function linkPage(req: IncomingMessage, res: ServerResponse, { outcome, row }: { outcome: LinkOutcome; row?: SignupRow }) {
    const locale = row?.locale ?? readerLocale(undefined, req.headers['accept-language'], settings.defaultLocale);
    const text = t(locale);
    const list = row ? (settings.lists[row.list]?.title[locale] ?? row.list) : '';
    const status = outcome === 'confirmed' || outcome === 'unsubscribed' ? 200 : outcome === 'unknown' ? 404 : 410;
    const body = html`<p>${text.linkText(outcome, row?.email ?? '', list, hours(settings.confirmTtlMs))}</p>`;
    sendPage(res, status, { locale, title: text.linkTitle[outcome], body, stylesheet });
  }

  function refuse(req: IncomingMessage, res: ServerResponse, status: 404 | 405, headers: Record<string, string> = {}) {
    drain(req, res);
    const locale = readerLocale(undefined, req.headers['accept-language'], settings.defaultLocale);
    const message = status === 404 ? t(locale).notFound : t(locale).methodNotAllowed;
    if (/\bapplication\/json\b/i.test(req.headers.accept ?? '')) return sendJson(res, status, { message }, headers);
    sendPage(res, status, { locale, title: message, body: html``, stylesheet }, headers);
  }

  const handler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => {
    const [path, query = ''] = (req.url ?? '/').split('?', 2);
    if (path !== base && !path.startsWith(`${base}/`)) {
      if (next) return next();
      return refuse(req, res, 404);
    }
    route(req, res, path, new URLSearchParams(query)).catch((error: unknown) => {
      settings.log(`[signup] ${req.method} ${path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (res.headersSent) return void res.destroy();
      const locale = readerLocale(undefined, req.headers['accept-language'], settings.defaultLocale);
      sendJson(res, 500, { message: t(locale).serverError });
    });
  };
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await ready.catch(() => undefined);
      await sender?.stop();
      await store?.close();
    })());
  return Object.defineProperties(handler, {
    settings: { value: settings },
    ready: { value: ready },
    store: {
      get() {
        if (!store) throw new Error('The signup database is not open yet: await handler.ready first.');
        return store;
      },
    },
    sender: { get: () => sender },
    close: { value: close },
  }) as SignupHandler;
}

/** The media type of a Content-Type header, lower-cased, without parameters. */
function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}

/** The body, or `undefined` when it is larger than `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else resolve(undefined);
      if (size > DRAIN_LIMIT) req.socket.destroy();
    });
    req.on('end', () => resolve(size <= limit ? Buffer.concat(chunks) : undefined));
    req.on('error', reject);
  });
}

/**
 * Lets the rest of an unread body pass, so the connection stays usable and the client reads the answer rather
 * than a reset. A body declared too large to be worth reading closes the connection instead.
 */
function drain(req: IncomingMessage, res: ServerResponse): void {
  if (Number(req.headers['content-length']) > DRAIN_LIMIT) res.setHeader('connection', 'close');
  else req.resume();
}

/** The posted fields, or `undefined` when the body cannot be read as its type says. */
function parseFields(type: string, body: Buffer): Record<string, unknown> | undefined {
  const text = body.toString('utf8');
  if (type === JSON_TYPE) {
    try {
      const value: unknown = JSON.parse(text);
      return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
  const fields: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const seen = fields[key];
    if (seen === undefined) fields[key] = value;
    else fields[key] = Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return fields;
}

/** A plain form post sends no `source`; the page it came from (origin and path, no query) stands in. */
function sourceFromReferer(req: IncomingMessage): string | null {
  const referer = parseUrl(req.headers.referer);
  return referer && /^https?:$/.test(referer.protocol) ? `${referer.origin}${referer.pathname}` : null;
}

function parseUrl(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function sendJson(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

/** An SMTP URL without its password, for the log. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

const hours = (ms: number) => Math.round(ms / 3_600_000);
