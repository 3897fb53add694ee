#!/usr/bin/env node
/**
 * `fjord-signups`: the signup endpoint on its own, and what a data-protection officer asks of it.
 *   fjord-signups                    runs the endpoint (PORT, HOST, FJORD_PUBLIC_URL, FJORD_SIGNUPS_DATABASE,
 *                                    FJORD_SMTP_URL, FJORD_MAIL_FROM, FJORD_TRUST_PROXY, FJORD_SIGNUPS_SALT)
 *   fjord-signups list [--csv]       the stored signups as a table, or every column as CSV (--outbox: the mails)
 *   fjord-signups export <address>   everything stored about one address, as JSON
 *   fjord-signups erase <address>    deletes an address with its tokens and mails
 * `--db DATABASE` stands in for FJORD_SIGNUPS_DATABASE (an SQLite file or a postgres:// URL).
 */
import { parseArgs, runCommand, USAGE } from './commands.js';
import { eventLog } from './log.js';
import { startServer } from './server.js';

// `fjord-signups list | head` closes the pipe early: that is the reader being done, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));

const args = process.argv.slice(2);
const { command, flags, database } = parseArgs(args);

try {
  if (flags.includes('--help') || flags.includes('-h') || command === 'help') {
    console.log(USAGE);
  } else if (command === 'serve') {
    await serve();
  } else {
    process.exitCode = await runCommand(args, {
      out: (text) => process.stdout.write(text),
      line: (text) => console.log(text),
      error: (text) => console.error(text),
    });
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

async function serve(): Promise<void> {
  const running = await startServer({ port: Number(process.env.PORT || 8787), host: process.env.HOST || '127.0.0.1', ...(database ? { database } : {}) });
  const { basePath } = running.handler.settings;
  eventLog(running.handler.settings.log)(
    'listening',
    `Signup endpoint on ${running.url}${basePath} (a plain form at ${running.url}/, /healthz, /readyz), database ${running.handler.store.driver.where}`,
    { url: `${running.url}${basePath}`, database: running.handler.store.driver.where },
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      running.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}
