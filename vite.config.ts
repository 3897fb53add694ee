import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
// @ts-expect-error plain JavaScript helper shared with the size script
import { minifyCss, minifyLiterals } from './scripts/build/minify-literals.mjs';
import { signupServer } from './server/index.js';
import { fillStory } from './demo/story-pages.js';

/** Minifies Lit template literals in the library source at build time. */
function litLiterals(): Plugin {
  return {
    name: 'fjord:minify-lit-literals',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.+\.ts$/.test(id)) return null;
      return { code: minifyLiterals(code), map: null };
    },
  };
}

const LICENSE = '/*! fjord-elements (MIT) bundles Lit: Copyright Google LLC, BSD-3-Clause, https://lit.dev */';

/** Emits fjord-elements.css (the pre-upgrade rules) beside the drop-in file, and puts Lit's licence notice once at its top. */
function upgradeStylesheet(): Plugin {
  return {
    name: 'fjord:upgrade-stylesheet',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk') chunk.code = `${LICENSE}\n${chunk.code}`;
      }
      const source = minifyCss(readFileSync(new URL('./src/fjord-elements.css', import.meta.url), 'utf8'));
      this.emitFile({ type: 'asset', fileName: 'fjord-elements.css', source: source + '\n' });
    },
  };
}

/**
 * Writes `fjord-elements.js.sri` beside the drop-in file: its Subresource Integrity hash for `<script integrity>`. And
 * `integrity.json`, the hash of every script in `dist/cdn/` (the drop-in file, what it loads on demand, the autoloader
 * and its modules), for the `integrity` section of an import map, which also covers files loaded by `import()`.
 */
function subresourceIntegrity(): Plugin {
  return {
    name: 'fjord:sri',
    apply: 'build',
    writeBundle(options, bundle) {
      if (!options.dir) return;
      const sri = (file: string) => `sha384-${createHash('sha384').update(readFileSync(join(options.dir!, file))).digest('base64')}`;
      const list = join(options.dir, 'integrity.json');
      let hashes: Record<string, string> = {};
      try {
        hashes = JSON.parse(readFileSync(list, 'utf8'));
      } catch {
        // The first of the two builds starts the list.
      }
      for (const file of Object.keys(bundle).filter((name) => name.endsWith('.js'))) hashes[file] = sri(file);
      writeFileSync(list, `${JSON.stringify(Object.fromEntries(Object.entries(hashes).sort()), null, 2)}\n`);
      if ('fjord-elements.js' in bundle) writeFileSync(join(options.dir, 'fjord-elements.js.sri'), `${hashes['fjord-elements.js']}\n`);
    },
  };
}

/**
 * `npm start` prints the demo story's address, and the site root leads there: the root itself has no page, and the first
 * address the dev server prints is the one people open.
 */
function demoHome(): Plugin {
  return {
    name: 'fjord:demo-home',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url !== '/' && req.url !== '/index.html') return next();
        res.writeHead(302, { location: '/demo/' }).end();
      });
      const print = server.printUrls.bind(server);
      server.printUrls = () => {
        const urls = server.resolvedUrls;
        if (urls) server.resolvedUrls = { local: urls.local.map((url) => `${url}demo/`), network: urls.network.map((url) => `${url}demo/`) };
        print();
        server.resolvedUrls = urls;
      };
    },
  };
}

/**
 * `npm start` serves the demo pages with the story's pieces written from demo/story.js (demo/story-pages.js), so an
 * edit to the story shows at once: Vite restarts when a file this config imports changes. `npm run demo:story` writes
 * the same into the files, which the benchmarks and the server renderer read as they are.
 */
function demoStory(): Plugin {
  return {
    name: 'fjord:demo-story',
    apply: 'serve',
    transformIndexHtml: { order: 'pre', handler: (html) => fillStory(html) },
  };
}

/** The per-widget modules the autoloader imports: `dist/cdn/<widget>.js`, sharing Lit and the helpers through chunks. */
const WIDGETS = ['photo', 'article-card', 'fact-box', 'cluster-badge', 'newsletter-signup'];

export default defineConfig(({ mode, command }) => ({
  plugins: [litLiterals(), upgradeStylesheet(), subresourceIntegrity(), signupServer(), demoHome(), demoStory()],
  server: { open: false },
  // The drop-in file and the autoloader bundle Lit's production build (src/shared/server-root.ts); `npm start` serves
  // its development build.
  define: command == 'build' ? { FJORD_LIT_PRODUCTION: 'true' } : {},
  build: {
    outDir: 'dist/cdn',
    // `vite build --mode autoloader` runs second and adds its files beside the drop-in file.
    emptyOutDir: mode !== 'autoloader',
    target: 'es2022',
    // Vite leaves ES-format library output readable unless rolldown is told to minify it fully.
    minify: 'oxc',
    sourcemap: false,
    rolldownOptions: {
      output: {
        minify: true,
        comments: false,
        ...(mode === 'autoloader' ? { chunkFileNames: 'shared-[hash].js' } : {}),
      },
    },
    lib:
      mode === 'autoloader'
        ? {
            entry: Object.fromEntries([
              ['autoloader', 'src/autoloader.ts'],
              ...WIDGETS.map((name) => [name, `src/${name}/${name}.ts`]),
            ]),
            formats: ['es'],
            fileName: (_format: string, name: string) => `${name}.js`,
          }
        : {
            entry: 'src/index.ts',
            formats: ['es'],
            fileName: () => 'fjord-elements.js',
          },
  },
}));
