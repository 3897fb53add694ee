import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SignupOptions } from './config.js';

/** The part of Vite's dev server the plugin uses, so that the types need no `vite` of their own. */
interface DevServer {
  config: { logger: { info(message: string, options?: { timestamp?: boolean }): void } };
  middlewares: { use(handler: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void): unknown };
  httpServer?: { once(event: 'close', listener: () => void): unknown } | null;
  resolvedUrls?: { local: string[] } | null;
}

/** A Vite plugin (the shape `plugins: []` takes). */
export interface SignupServerPlugin {
  name: string;
  apply: 'serve';
  configureServer(server: DevServer): Promise<void>;
}

/**
 * Mounts the signup endpoint in Vite's dev server (`vite`, `npm start`), so a page's form works at once.
 * Only for `vite` (serve): a build never loads it, nor a database driver.
 */
export function signupServer(options: SignupOptions = {}): SignupServerPlugin {
  return {
    name: 'fjord:signup-server',
    apply: 'serve',
    async configureServer(server) {
      const { createSignupHandler } = await import('./handler.js');
      const handler = createSignupHandler({
        log: (line) => server.config.logger.info(line, { timestamp: true }),
        ...options,
        publicUrl: options.publicUrl ?? (process.env.FJORD_PUBLIC_URL || (() => server.resolvedUrls?.local[0])),
      });
      await handler.ready;
      server.middlewares.use(handler);
      server.httpServer?.once('close', () => void handler.close());
    },
  };
}
