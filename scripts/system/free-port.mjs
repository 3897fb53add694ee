import { createServer } from 'node:net';

const handedOut = new Set();

/**
 * A free port on 127.0.0.1: `preferred` when nothing listens there, else one the system picks, never one this process
 * has handed out before. A second run on the same machine at the same time then still has ports of its own.
 */
export async function freePort(preferred = 0) {
  const tryListen = (port) =>
    new Promise((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(undefined));
      probe.listen(port, '127.0.0.1', () => {
        const { port: got } = probe.address();
        probe.close(() => resolve(got));
      });
    });
  for (const candidate of [preferred, 0, 0, 0]) {
    if (candidate && handedOut.has(candidate)) continue;
    const port = await tryListen(candidate);
    if (port && !handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`no free port${preferred ? ` (wanted ${preferred})` : ''}`);
}
