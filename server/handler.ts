import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Locale } from '../src/shared/locale.js';
import { resolveSettings, type Settings, type SignupOptions } from './config.js';
import { SignupStore, type SignupRow } from './db.js';
import { readerLocale, t, type LinkAction, type LinkOutcome } from './i18n.js';
import { eventLog } from './log.js';
import { composeMail, mask, OutboxSender, smtpTransport, type Transport } from './mail.js';
import { createMetrics, type SignupOutcome } from './metrics.js';
import { MIGRATIONS } from './migrations.js';
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
  /** Answers `GET /healthz`: 200 while the process runs. */
  healthz(req: IncomingMessage, res: ServerResponse): void;
  /** Answers `GET /readyz`: 200 when the database answers and has every migration, else 503 with the reason. */
  readyz(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Answers `GET /metrics` (Prometheus' text format) to a scraper with the metrics token; 404 when metrics are off. */
  metrics(req: IncomingMessage, res: ServerResponse): Promise<void>;
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
/** How long `/readyz` waits for the database before it answers 503. */
const READY_TIMEOUT_MS = 2_000;
const delay = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(resolve, ms, value).unref());

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
  const log = eventLog(settings.log);
  const base = settings.basePath;
  const stylesheet = `${base}/page.css`;
  let warnedOrigin = false;
  const mailing = Boolean(settings.smtpUrl || options.transport);

  const publicOrigin = (): string => {
    const url = settings.publicUrl();
    if (url) return new URL(url).origin;
    if (!warnedOrigin) log('no-public-url', 'No public URL set (FJORD_PUBLIC_URL): mail links point to http://localhost.', {}, 'warn');
    warnedOrigin = true;
    return 'http://localhost';
  };
  const mailFrom = () => settings.mailFrom ?? `no-reply@${new URL(publicOrigin()).hostname}`;
  const mailDomain = () => /@([^\s>@]+)>?\s*$/.exec(mailFrom())?.[1] ?? new URL(publicOrigin()).hostname;

  let store: SignupStore | undefined;
  let sender: OutboxSender | undefined;
  const metrics = createMetrics(settings.metricsToken, () => store);
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
      log('mail-queued', `${row.list}: confirmation mail to ${mask(row.email)} queued.${mailing ? '' : ` Confirm: ${confirmUrl}`}`, {
        list: row.list,
        to: mask(row.email),
        ...(mailing ? {} : { confirmUrl }),
      });
      return composeMail({ locale: row.locale, list, confirmUrl, unsubscribeUrl, hours: hours(settings.confirmTtlMs), domain: mailDomain() });
    },
  }).then((opened) => {
    store = opened;
    if (mailing) {
      sender = new OutboxSender({
        from: mailFrom(),
        store: opened,
        transport: options.transport ?? smtpTransport(settings.smtpUrl!),
        log,
        count: metrics.mail,
        now: settings.now,
        maxAgeMs: settings.confirmTtlMs,
        ...settings.sender,
      });
      sender.start();
      log('smtp', `Mail goes out over SMTP (${redact(settings.smtpUrl ?? 'a transport of the caller')}) from ${mailFrom()}.`);
    } else {
      log('no-smtp', 'No SMTP server set (FJORD_SMTP_URL): confirmation mails are written to this log, not sent.', {}, 'warn');
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
    const answer = (outcome: SignupOutcome, status: number, message: string, extra: { field?: string; retryAfter?: number; reason?: string; list?: string; to?: string } = {}) => {
      metrics.signup(outcome, status);
      const { field, retryAfter, ...fields } = extra;
      log('signup', `${outcome} (${status})`, { outcome, status, ...(field ? { field } : {}), ...fields }, outcome === 'error' ? 'error' : 'info');
      const headers: Record<string, string> = retryAfter ? { 'retry-after': String(retryAfter) } : {};
      if (json) return sendJson(res, status, field ? { message, field } : { message }, headers);
      answerNative(req, res, status, locale, message, headers);
    };
    const ip = settings.clientIp(req);
    const limited = (bucket: 'ip' | 'address', wait: number, extra: { list?: string; to?: string } = {}) => {
      metrics.rateLimited(bucket);
      answer('rate-limited', 429, t(locale).tooMany, { retryAfter: wait, reason: bucket, ...extra });
    };
    /** A refusal: the attempt still counts against the client IP's limit, and over it the answer is 429. */
    const refuseCounted = async (outcome: SignupOutcome, status: number, message: string, extra: { field?: string; reason?: string } = {}) => {
      const wait = await store!.hit('ip', store!.hashIp(ip), settings.perIp, settings.windowMs);
      if (wait) return limited('ip', wait);
      answer(outcome, status, message, extra);
    };

    /** A body not read: the rest of it is drained, and the refusal counted. */
    const unreadable = (status: number, message: string) => {
      drain(req, res);
      return refuseCounted('unreadable', status, message);
    };
    if (type !== FORM && type !== JSON_TYPE) return unreadable(415, t(locale).unsupportedType);
    if (Number(req.headers['content-length']) > settings.maxBodyBytes) return unreadable(413, t(locale).tooLarge);
    const body = await readBody(req, settings.maxBodyBytes);
    if (!body) return unreadable(413, t(locale).tooLarge);
    const fields = parseFields(type, body);
    if (!fields) return refuseCounted('unreadable', 400, t(locale).unreadable);

    locale = readerLocale(fields.get('locale'), acceptLanguage, settings.defaultLocale);
    const checked = validateSignup(fields, settings.lists, locale, sourceFromReferer(req));
    if (!checked.ok) return refuseCounted('invalid', 422, t(locale).reasons[checked.reason], { field: checked.field, reason: checked.reason });
    const { list, email } = checked.value;

    // Both limits and the signup in one transaction. New, pending and confirmed addresses get the very same
    // answer, so the form cannot tell who is subscribed.
    const stored = await store!.signup(checked.value, ip, settings);
    if (stored.limited) return limited(stored.limited.bucket, stored.limited.wait, stored.limited.bucket === 'address' ? { list, to: mask(email) } : {});
    if (stored.mail) sender?.wake();
    answer(stored.mail ? 'queued' : 'unchanged', 200, t(locale).success, { list, to: mask(email) });
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
      log('request-failed', `${req.method} ${path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, { method: req.method, path }, 'error');
      if (req.method === 'POST' && path === base) metrics.signup('error', 500);
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
  const healthz = (req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    sendJson(res, 200, { status: 'ok' });
  };
  const readyz = async (req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    const notReady = (reason: string) => sendJson(res, 503, { status: 'not ready', reason });
    const opened = await Promise.race([ready.then(() => true, () => false), delay(READY_TIMEOUT_MS, false)]);
    if (!opened || !store) return notReady('the database is not open');
    try {
      const version = await Promise.race([store.driver.schemaVersion(), delay(READY_TIMEOUT_MS, undefined)]);
      if (version === undefined) return notReady(`the database did not answer within ${READY_TIMEOUT_MS} ms`);
      if (version !== MIGRATIONS.length) return notReady(`the database has schema version ${version}, this server ${MIGRATIONS.length}`);
    } catch (error) {
      return notReady(`the database did not answer: ${error instanceof Error ? error.message : String(error)}`);
    }
    sendJson(res, 200, { status: 'ready' });
  };
  const serveMetrics = async (req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    await ready.catch(() => undefined);
    try {
      await metrics.serve(req, res);
    } catch (error) {
      log('metrics-failed', `GET /metrics failed: ${error instanceof Error ? error.message : String(error)}`, {}, 'error');
      if (!res.headersSent) sendJson(res, 500, { message: 'metrics unavailable' });
    }
  };
  return Object.defineProperties(handler, {
    settings: { value: settings },
    healthz: { value: healthz },
    readyz: { value: readyz },
    metrics: { value: serveMetrics },
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

/**
 * The posted fields in a Map, or `undefined` when the body cannot be read as its type says. A Map, not an object,
 * so that fields named `__proto__`, `constructor` or `valueOf` are fields like any other; a repeated urlencoded
 * field becomes the list of its values.
 */
function parseFields(type: string, body: Buffer): Map<string, unknown> | undefined {
  const text = body.toString('utf8');
  if (type === JSON_TYPE) {
    try {
      // JSON.parse makes every key, `__proto__` too, an own property.
      const value: unknown = JSON.parse(text);
      return value && typeof value === 'object' && !Array.isArray(value) ? new Map(Object.entries(value)) : undefined;
    } catch {
      return undefined;
    }
  }
  const fields = new Map<string, string | string[]>();
  for (const [key, value] of new URLSearchParams(text)) {
    const seen = fields.get(key);
    fields.set(key, seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value]);
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
