// The signup endpoint on its own: `npx tsx demo/server/main.ts` (PORT, HOST, FJORD_SIGNUPS_DB, FJORD_PUBLIC_URL).
import { resolve } from 'node:path';
import { startServer } from './server.js';

const running = await startServer({ port: Number(process.env.PORT || 8787), host: process.env.HOST || '127.0.0.1' });
const { basePath, database } = running.handler.settings;
console.log(`Signup endpoint on ${running.url}${basePath} (try the form at ${running.url}/), database ${resolve(database)}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
