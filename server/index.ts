/**
 * `fjord-elements/server`: the newsletter signup endpoint for Node. `createSignupHandler(options)` is a
 * connect-style middleware for `node:http`, Express or Fastify; `startServer(options)` runs it on a server of its
 * own (the `fjord-signups` command does that); `signupServer(options)` mounts it in Vite's dev server.
 */
export { createSignupHandler, type HandlerExtras, type SignupHandler } from './handler.js';
export { startServer, type RunningServer, type ServerOptions } from './server.js';
export { signupServer, type SignupServerPlugin } from './vite-plugin.js';
export { DEFAULT_LISTS, forwardedFor, resolveSettings, type NewsletterList, type SenderOptions, type Settings, type SignupOptions } from './config.js';
export { SignupStore, type AddressRecord, type Erasure, type OutboxRow, type SignupRow } from './db.js';
export { OutboxSender, type Transport } from './mail.js';
export { MIGRATIONS } from './migrations.js';
