/** Builds both benchmarks need: the library (`npm run build`) and the minimal Lit element of bench/minimal-card.js. */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { minifyLiterals } from '../scripts/build/minify-literals.mjs';

const root = resolve(import.meta.dirname, '..');

/** `npm run build`; exits with its last lines when it fails. `command` is the benchmark's own, for the hint. */
export function buildLibrary(command) {
  console.log('npm run build …');
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(`${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-30).join('\n'));
    console.error(`\nnpm run build failed; fix it, or run \`${command} -- --no-build\` against the dist/ you have.`);
    process.exit(1);
  }
}

const minifyBenchLiterals = {
  name: 'bench:minify-lit-literals',
  enforce: 'pre',
  transform: (code, id) => (/\/bench\/minimal-card[\w-]*\.js$|\/src\/.+\.ts$/.test(id) ? { code: minifyLiterals(code), map: null } : null),
};

/**
 * The minimal element into `out`, minified like the drop-in file (its Lit literals too), or unminified for the profiler;
 * or, with `name`, another entry in bench/ built the same way.
 */
export async function buildMinimal(out, { debug = false, name = 'minimal-card' } = {}) {
  await build({
    configFile: false,
    logLevel: 'silent',
    root,
    plugins: [minifyBenchLiterals],
    build: {
      outDir: join(out, debug ? 'minimal-debug' : '.'),
      emptyOutDir: false,
      target: 'es2022',
      minify: !debug,
      rolldownOptions: { output: debug ? { preserveModules: true, preserveModulesRoot: root } : { minify: true, comments: false } },
      lib: { entry: join(root, `bench/${name}.js`), formats: ['es'], fileName: (_format, entry) => (debug ? `${entry}.js` : `${name}.js`) },
    },
  });
}

/**
 * The drop-in file's code unminified into `out/fjord-debug/`, so a CPU profile names its functions: in one file as it is
 * served (`fjord-elements.js`), or with `perModule` one file per module, so the profile names their modules too.
 */
export async function buildFjordDebug(out, { perModule = false } = {}) {
  await build({
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'silent',
    build: {
      outDir: join(out, 'fjord-debug'),
      emptyOutDir: true,
      minify: false,
      rolldownOptions: { output: perModule ? { minify: false, preserveModules: true, preserveModulesRoot: root } : { minify: false } },
      lib: { entry: join(root, 'src/index.ts'), formats: ['es'], fileName: perModule ? (_format, name) => `${name}.js` : () => 'fjord-elements.js' },
    },
  });
}
