import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
// @ts-expect-error plain JavaScript helper shared with the size script
import { minifyCss, minifyLiterals } from './scripts/minify-literals.mjs';

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

export default defineConfig({
  plugins: [litLiterals(), upgradeStylesheet()],
  server: { open: false },
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    target: 'es2022',
    // Vite leaves ES-format library output readable unless rolldown is told to minify it fully.
    minify: 'oxc',
    sourcemap: false,
    rolldownOptions: {
      output: {
        minify: true,
        comments: false,
      },
    },
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'fjord-elements.js',
    },
  },
});
