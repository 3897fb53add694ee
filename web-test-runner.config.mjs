import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { chromiumArgs, findChromium } from './scripts/find-browser.mjs';
import { testEndpoints } from './test/support/endpoints.mjs';

/** Prints the plain closing line CI reads: "N passed, N failed". */
function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        for (const t of suite.tests) {
          if (t.skipped) skipped++;
          else if (t.passed) passed++;
          else failed++;
        }
        suite.suites.forEach(walk);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        if (!session.passed && session.errors?.length) failed += 1;
      }
      const line = `browser tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
      // After the default reporter's own summary.
      setTimeout(() => console.log(line), 0);
    },
  };
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  middleware: [testEndpoints],
  browsers: [chromeLauncher({ launchOptions: { executablePath: findChromium(), args: chromiumArgs } })],
  reporters: [defaultReporter(), countingReporter()],
};
