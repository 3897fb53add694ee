/**
 * Lets browser tests import React 19 and Vue 3 by their bare names. React ships CommonJS only, so `react`,
 * `react-dom` and `react-dom/client` are bundled once into ES modules (production build: React's development
 * build logs to the console); `vue` maps to Vue's browser ES build, which needs no bundler defines.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const PREFIX = '/__fjord-frameworks/';
const REACT = { react: 'react', 'react-dom': 'react-dom', 'react-dom/client': 'react-dom-client' };

/** The names a React entry point exports, read (not run: loading React in Node talks to the console) from its production build. */
function exportNames(specifier) {
  const [pkg] = specifier.split('/');
  const file = join(dirname(require.resolve(`${pkg}/package.json`)), 'cjs', `${REACT[specifier]}.production.js`);
  return [...new Set([...readFileSync(file, 'utf8').matchAll(/\bexports\.([A-Za-z_$][\w$]*)\s*=/g)].map((m) => m[1]))];
}

/** ES modules for React's CommonJS entry points, sharing one copy of React through a chunk. */
async function bundleReact() {
  const result = await build({
    entryPoints: Object.values(REACT),
    bundle: true,
    splitting: true,
    format: 'esm',
    write: false,
    outdir: '/out',
    entryNames: '[name]',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
    plugins: [
      {
        name: 'cjs-entries',
        setup(b) {
          const specifiers = Object.fromEntries(Object.entries(REACT).map(([k, v]) => [v, k]));
          b.onResolve({ filter: /^react-dom-client$|^react(-dom)?$/ }, (args) =>
            args.kind === 'entry-point' ? { path: args.path, namespace: 'entry' } : undefined,
          );
          b.onLoad({ filter: /.*/, namespace: 'entry' }, (args) => {
            const specifier = specifiers[args.path];
            const names = exportNames(specifier);
            return {
              contents: `import * as m from ${JSON.stringify(specifier)};\nexport default m;\nexport const { ${names.join(', ')} } = m;\n`,
              resolveDir: process.cwd(),
            };
          });
        },
      },
    ],
  });
  return new Map(result.outputFiles.map((f) => [f.path.replace(/^\/out\//, ''), f.text]));
}

export function frameworkModules() {
  let react;
  return {
    name: 'fjord:framework-modules',
    resolveImport({ source }) {
      if (source in REACT) return `${PREFIX}${REACT[source]}.js`;
      if (source === 'vue') return '/node_modules/vue/dist/vue.esm-browser.prod.js';
      return undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      react ??= bundleReact();
      const body = (await react).get(context.path.slice(PREFIX.length));
      return body === undefined ? undefined : { body, type: 'js' };
    },
  };
}
