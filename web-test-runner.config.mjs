import { writeFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { defaultReporter } from '@web/test-runner';
import { chromiumArgs, findChromium, findFirefox, findWebKit } from './scripts/system/find-browser.mjs';
import { testEndpoints } from './test/support/endpoints.mjs';
import { frameworkModules } from './test/support/frameworks.mjs';
import { ssrEndpoint } from './test/support/ssr-endpoint.mjs';
import { cspEndpoints } from './test/support/csp-endpoint.mjs';

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
      if (process.env.FJORD_SUMMARY_FILE) writeFileSync(process.env.FJORD_SUMMARY_FILE, JSON.stringify({ passed, failed, skipped }));
      // After the default reporter's own summary.
      setTimeout(() => console.log(line), 0);
    },
  };
}

/** The engines to run, from FJORD_BROWSERS (scripts/test/run.mjs sets it and starts WebKitWebDriver). */
function browsers() {
  const wanted = (process.env.FJORD_BROWSERS ?? 'chromium').split(',');
  const list = [];
  if (wanted.includes('chromium')) {
    list.push(chromeLauncher({ launchOptions: { executablePath: findChromium(), args: chromiumArgs } }));
  }
  if (wanted.includes('firefox')) {
    list.push(puppeteerLauncher({ launchOptions: { browser: 'firefox', executablePath: findFirefox(), headless: true } }));
  }
  if (wanted.includes('webkit')) {
    const port = Number(process.env.FJORD_WEBKIT_DRIVER_PORT);
    if (!port) throw new Error('WebKit runs through `npm test`, which starts WebKitWebDriver under xvfb-run.');
    list.push(
      webdriverLauncher({
        automationProtocol: 'webdriver',
        hostname: '127.0.0.1',
        port,
        logLevel: 'error',
        capabilities: {
          browserName: 'MiniBrowser',
          'wdio:enforceWebDriverClassic': true,
          'webkitgtk:browserOptions': { binary: findWebKit().miniBrowser, args: ['--automation'] },
        },
      }),
    );
  }
  return list;
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  // One engine at a time: on two cores, three browsers at once starve WebKit into timeouts.
  concurrentBrowsers: 1,
  // WebKitGTK under Xvfb on two shared cores can take minutes for the signup file's slow-endpoint cases.
  testsFinishTimeout: 300000,
  testFramework: { config: { timeout: 20000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), frameworkModules()],
  middleware: [testEndpoints, cspEndpoints, ssrEndpoint],
  browsers: browsers(),
  reporters: [defaultReporter(), countingReporter()],
  // Lit's one-line dev-mode notice is expected in tests; everything else a page logs is shown.
  filterBrowserLogs: ({ args }) => !String(args[0] ?? '').startsWith('Lit is in dev mode'),
};
