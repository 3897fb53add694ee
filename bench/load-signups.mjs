/**
 * The signup service under load, as an operator runs it: `fjord-signups serve` processes (the bin, from source
 * through tsx) on loopback ports, a real SMTP server (smtp-server) taking the mails, and a client that posts
 * `--signups` signups for `--addresses` addresses at once (each address signs up `signups / addresses` times,
 * spread over the instances), every post from a loopback address of its own (127.1.x.y) so that the per-IP limit
 * sees separate readers.
 *
 *   npm run load:signups                                   SQLite, one instance; then PostgreSQL, two instances
 *   npm run load:signups -- --db=sqlite --runs=5           one of the two
 *   npm run load:signups -- --signups=2000 --addresses=1000 --instances=2 --concurrency=64
 *   npm run load:signups -- --commit-cost                  what SQLite's synchronous = FULL would cost per commit
 *
 * PostgreSQL is a throwaway cluster (test/signups/postgres.mjs: Debian's postgresql, installed as the tests do).
 * Each run uses a new database. Printed per run: the time from the first post to the last answer (the figure
 * BENCHMARKS.md quotes), signups per second, the time until the SMTP server has every mail, the rows and mails
 * counted (it fails unless every address is one row and got exactly one mail), and how long each mail stayed
 * unmarked in the outbox after the SMTP server took it (the window in which a crash sends it again).
 */
import { execFileSync, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { freePort } from '../scripts/system/free-port.mjs';
import { startPostgres } from '../test/signups/postgres.mjs';
import { startSmtp } from '../test/signups/smtp.mjs';
import { tempDatabase } from '../test/signups/helpers.mjs';
import { SignupStore } from '../server/db.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    signups: { type: 'string', default: '2000' },
    addresses: { type: 'string', default: '1000' },
    instances: { type: 'string' },
    concurrency: { type: 'string', default: '64' },
    runs: { type: 'string', default: '3' },
    profile: { type: 'string' },
    'commit-cost': { type: 'boolean', default: false },
  },
});
if (values['commit-cost']) {
  await commitCost();
  process.exit(0);
}
const SIGNUPS = Number(values.signups);
const ADDRESSES = Number(values.addresses);
const CONCURRENCY = Number(values.concurrency);
const RUNS = Number(values.runs);
const kinds = values.db === 'both' ? ['sqlite', 'postgres'] : [values.db];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

/** The servers running now, stopped if this process is interrupted. */
const children = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const child of children) child.kill('SIGKILL');
    process.exit(130);
  });
}

/** One `fjord-signups serve` process; resolves once it listens. */
async function serve(database, smtpUrl) {
  const port = await freePort();
  const profile = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'server/cli.ts', 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      FJORD_SIGNUPS_DATABASE: database,
      FJORD_SMTP_URL: smtpUrl,
      FJORD_MAIL_FROM: 'Fjordavisa <nyhetsbrev@fjordavisa.example>',
      FJORD_PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let said = '';
  await new Promise((resolve, reject) => {
    const listen = (chunk) => {
      said += chunk;
      if (!said.includes('Signup endpoint on')) return;
      // The log that follows is read and dropped, so that this process spends nothing on it.
      child.stdout.off('data', listen);
      child.stdout.resume();
      resolve();
    };
    child.stdout.on('data', listen);
    child.once('exit', (code) => reject(new Error(`fjord-signups serve exited (${code}):\n${said}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    /** CPU seconds the process has used (user and system), from /proc. */
    cpu: () => {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

function post(url, body, from, agent) {
  return new Promise((resolve, reject) => {
    const payload = Buffer.from(body);
    const req = request(
      `${url}/api/newsletter`,
      {
        method: 'POST',
        agent,
        localAddress: from,
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(payload.length) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function run(kind, instances, cluster, smtp) {
  const temp = kind === 'sqlite' ? tempDatabase() : undefined;
  const database = temp ? temp.file : await cluster.database('load');
  const servers = [];
  try {
    for (let i = 0; i < instances; i++) servers.push(await serve(database, smtp.url));
    smtp.mails.length = 0;
    const agent = new Agent({ keepAlive: false, maxSockets: CONCURRENCY });
    const cpuBefore = servers.map((server) => server.cpu());
    const addresses = Array.from({ length: ADDRESSES }, (_, i) => `load${i}@example.no`);
    const started = performance.now();
    const statuses = await Promise.all(
      Array.from({ length: SIGNUPS }, (_, n) => {
        const email = addresses[n % ADDRESSES];
        const body = new URLSearchParams({ email, list: 'klyngenytt', consent: 'yes', locale: 'nb' }).toString();
        return post(servers[n % instances].url, body, `127.1.${Math.floor(n / 250)}.${(n % 250) + 1}`, agent);
      }),
    );
    const answered = performance.now() - started;
    const cpu = servers.reduce((sum, server, i) => sum + server.cpu() - cpuBefore[i], 0);
    agent.destroy();
    const refused = statuses.filter((status) => status !== 200);
    if (refused.length) throw new Error(`${refused.length} posts not answered 200: ${[...new Set(refused)].join(', ')}`);
    const mailsBy = () => new Set(smtp.mails.map((m) => m.envelope.rcptTo[0].address)).size;
    await smtp.until(() => mailsBy() === ADDRESSES, `${ADDRESSES} mails`, 300_000);
    const delivered = performance.now() - started;

    const store = await SignupStore.open(database, { now: Date.now, confirmTtlMs: 1, unsubscribeTtlMs: 1, resendAfterMs: 1, poolSize: 1, compose: () => assertNever() });
    try {
      let outbox;
      for (let i = 0; ; i++) {
        outbox = await store.outbox();
        if (outbox.every((m) => m.sent_at) || i === 300) break;
        await sleep(100);
      }
      await sleep(500);
      const rows = await store.all();
      const perAddress = new Map();
      for (const mail of smtp.mails) perAddress.set(mail.envelope.rcptTo[0].address, (perAddress.get(mail.envelope.rcptTo[0].address) ?? 0) + 1);
      const twice = [...perAddress.values()].filter((n) => n !== 1).length;
      if (rows.length !== ADDRESSES || outbox.length !== ADDRESSES || twice) {
        throw new Error(`expected ${ADDRESSES} rows, ${ADDRESSES} mails queued and one delivery each; got ${rows.length} rows, ${outbox.length} queued, ${twice} addresses with other than one mail`);
      }
      const accepted = new Map(smtp.mails.map((m) => [m.messageId, m.acceptedAt]));
      const unmarked = outbox.map((m) => Date.parse(m.sent_at) - accepted.get(m.message_id));
      return { answered, cpu, delivered, unmarked };
    } finally {
      await store.close();
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    temp?.remove();
  }
}

function assertNever() {
  throw new Error('the load tool queues no mail itself');
}

const smtp = await startSmtp(await freePort());
let cluster;
try {
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return 'unknown';
    }
  })();
  console.log(`${new Date().toISOString()} commit ${commit}, Node ${process.version}, ${cpus().length} × ${cpus()[0].model}, ${Math.round(totalmem() / 2 ** 30)} GB, load average ${loadavg()[0].toFixed(1)}`);
  console.log(`${SIGNUPS} signups for ${ADDRESSES} addresses, ${CONCURRENCY} connections at a time, ${RUNS} runs`);
  for (const kind of kinds) {
    const instances = Number(values.instances ?? (kind === 'sqlite' ? 1 : 2));
    if (kind === 'postgres') cluster ??= await startPostgres(await freePort());
    const results = [];
    for (let i = 1; i <= RUNS; i++) {
      const result = await run(kind, instances, cluster, smtp);
      results.push(result);
      const window = result.unmarked;
      console.log(
        `${kind} ×${instances} run ${i}: answered in ${(result.answered / 1000).toFixed(2)} s (${Math.round(SIGNUPS / (result.answered / 1000))}/s, server CPU ${result.cpu.toFixed(2)} s), ` +
          `every mail taken at ${(result.delivered / 1000).toFixed(2)} s; taken → marked sent: median ${median(window)} ms, p95 ${quantile(window, 0.95)} ms, max ${Math.max(...window)} ms`,
      );
    }
    const answered = results.map((r) => r.answered / 1000);
    const cpu = results.map((r) => r.cpu);
    console.log(
      `${kind} ×${instances}: answered in median ${median(answered).toFixed(2)} s (${answered.map((s) => s.toFixed(2)).join(', ')}), ` +
        `server CPU median ${median(cpu).toFixed(2)} s (${cpu.map((s) => s.toFixed(2)).join(', ')}), load average ${loadavg()[0].toFixed(1)}`,
    );
  }
} finally {
  await smtp.stop();
  cluster?.stop();
}

/** 3,000 one-row write transactions on a WAL file, with synchronous = NORMAL (the service's) and FULL, three times. */
async function commitCost() {
  const { default: Database } = await import('better-sqlite3');
  for (let round = 1; round <= 3; round++) {
    const times = {};
    for (const mode of ['NORMAL', 'FULL']) {
      const temp = tempDatabase();
      const db = new Database(temp.file);
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${mode}`);
      db.exec('CREATE TABLE t (bucket TEXT, key TEXT, at TEXT); CREATE INDEX t_by_key ON t (bucket, key, at)');
      const [begin, insert, commit] = ['BEGIN IMMEDIATE', 'INSERT INTO t VALUES (?, ?, ?)', 'COMMIT'].map((sql) => db.prepare(sql));
      const started = performance.now();
      for (let i = 0; i < 3000; i++) {
        begin.run();
        insert.run('ip', String(i), new Date().toISOString());
        commit.run();
      }
      times[mode] = performance.now() - started;
      db.close();
      temp.remove();
    }
    console.log(`round ${round}: 3,000 commits, NORMAL ${Math.round(times.NORMAL)} ms, FULL ${Math.round(times.FULL)} ms: ${((times.FULL - times.NORMAL) / 3000).toFixed(3)} ms more per commit with FULL`);
  }
}
