import { timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type * as PromClient from 'prom-client';
import type { SignupStore } from './db.js';
import { peer } from './drivers.js';

/** What a signup request came to, as `fjord_signups_total` counts it (with the HTTP status). */
export type SignupOutcome = 'queued' | 'unchanged' | 'invalid' | 'rate-limited' | 'unreadable' | 'error';
/** What one attempt at sending a mail came to. */
export type MailOutcome = 'sent' | 'failed' | 'retrying';

/** The service's counters. Without a metrics token they count nothing, and prom-client is not loaded. */
export interface Metrics {
  signup(outcome: SignupOutcome, status: number): void;
  mail(outcome: MailOutcome): void;
  rateLimited(bucket: 'ip' | 'address'): void;
  /** Answers a scrape: Prometheus' text format for `Authorization: Bearer <token>`, 401 for another, 404 when metrics are off. */
  serve(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/**
 * Counters in Prometheus' text format (prom-client, an optional peer dependency), in a registry of this handler's
 * own: signups by outcome and status, mails sent, failed and retrying, rate-limit refusals, and at each scrape the
 * outbox's depth and the age of its oldest unsent mail, plus prom-client's process metrics.
 */
export function createMetrics(token: string | undefined, store: () => SignupStore | undefined): Metrics {
  if (!token) {
    return {
      signup: () => undefined,
      mail: () => undefined,
      rateLimited: () => undefined,
      async serve(_req, res) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Not found\n');
      },
    };
  }
  const client = peer<typeof PromClient>('prom-client', 'Metrics (FJORD_METRICS_TOKEN)');
  const registry = new client.Registry();
  const registers = [registry];
  const signups = new client.Counter({ name: 'fjord_signups_total', help: 'Signup requests by outcome and HTTP status.', labelNames: ['outcome', 'status'], registers });
  const mails = new client.Counter({ name: 'fjord_mails_total', help: 'Attempts at sending a mail by outcome: sent, failed (for good), retrying (a temporary failure).', labelNames: ['outcome'], registers });
  const refusals = new client.Counter({ name: 'fjord_rate_limit_refusals_total', help: 'Signups refused by a rate limit, by bucket (ip, address).', labelNames: ['bucket'], registers });
  let stats: Promise<{ depth: number; oldest: string | null } | undefined> | undefined;
  const outboxStats = () => (stats ??= (store()?.outboxStats() ?? Promise.resolve(undefined)).finally(() => setImmediate(() => (stats = undefined))));
  new client.Gauge({
    name: 'fjord_outbox_depth',
    help: 'Mails waiting to be sent (queued or being retried).',
    registers,
    async collect() {
      this.set((await outboxStats())?.depth ?? 0);
    },
  });
  new client.Gauge({
    name: 'fjord_outbox_oldest_age_seconds',
    help: 'How long the oldest mail waiting to be sent has waited, in seconds (0 when none waits).',
    registers,
    async collect() {
      const oldest = (await outboxStats())?.oldest;
      this.set(oldest ? Math.max(0, (Date.now() - Date.parse(oldest)) / 1000) : 0);
    },
  });
  client.collectDefaultMetrics({ register: registry });
  const expected = createHash('sha256').update(`Bearer ${token}`).digest();
  return {
    signup: (outcome, status) => signups.inc({ outcome, status: String(status) }),
    mail: (outcome) => mails.inc({ outcome }),
    rateLimited: (bucket) => refusals.inc({ bucket }),
    async serve(req, res) {
      const given = createHash('sha256').update(req.headers.authorization ?? '').digest();
      if (!timingSafeEqual(given, expected)) {
        res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer' });
        return void res.end('Unauthorized\n');
      }
      const body = await registry.metrics();
      res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
      res.end(body);
    },
  };
}
