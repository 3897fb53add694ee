import type { Plugin } from 'vite';
import type { SignupOptions } from './config.js';

/**
 * Mounts the signup endpoint in Vite's dev server (`npm start`), so the demo page's form works at once.
 * Only for `vite` (serve): a build never loads it, nor the SQLite addon.
 */
export function signupServer(options: SignupOptions = {}): Plugin {
  return {
    name: 'fjord:signup-server',
    apply: 'serve',
    async configureServer(server) {
      const { createSignupHandler } = await import('./handler.js');
      const handler = createSignupHandler({
        log: (line) => server.config.logger.info(line, { timestamp: true }),
        ...options,
        publicUrl: options.publicUrl ?? process.env.FJORD_PUBLIC_URL ?? (() => server.resolvedUrls?.local[0]),
      });
      server.middlewares.use(handler);
      server.httpServer?.once('close', () => handler.close());
    },
  };
}
