/**
 * Where a cold page load's main-thread time goes: `npm run bench -- --profile[=N]` loads each page N times (default 5),
 * each in a fresh incognito context of one headless Chromium, with a trace (timeline and sampled CPU profile) from
 * navigation start to `ready` (bench/cold/ready.js). Per variant, medians over the loads: the main thread's busy time
 * and its CPU time (what the tasks' thread clocks say: steadier than the wall clock when other processes share the cores),
 * its self time by trace event (parse, script, style, layout, paint …), the JavaScript functions with the most self
 * time (names from an unminified build of the same code), and counts that do not depend on the CPU's speed or load:
 * elements whose style was computed, layout objects laid out, and the number of style recalcs and layouts.
 */
import puppeteer from 'puppeteer-core';
import { chromiumArgs, findChromium } from '../scripts/system/find-browser.mjs';

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink.user_timing', 'loading', 'disabled-by-default-v8.cpu_profiler', 'disabled-by-default-v8.gc'];

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] + s[Math.ceil((s.length - 1) / 2)]) / 2 : NaN;
};

/** One load's figures from its trace. */
function analyse(events) {
  const ready = events.find((e) => e.name == 'ready' && e.cat.includes('blink.user_timing') && (e.ph == 'b' || e.ph == 'X'));
  if (!ready) throw new Error('the trace has no "ready" measure: the page did not finish');
  const { pid, tid } = ready;
  const navigation = events.find((e) => e.name == 'navigationStart' && e.pid == pid && e.tid == tid) ?? events.find((e) => e.name == 'navigationStart' && e.pid == pid);
  const start = navigation?.ts ?? ready.ts;
  const end = events.find((e) => e.name == 'ready' && e.pid == pid && e.ph == 'e')?.ts ?? ready.ts + (ready.dur ?? 0);
  const mine = events.filter((e) => e.pid == pid && e.tid == tid && e.ph == 'X' && e.ts >= start && e.ts <= end).sort((a, b) => a.ts - b.ts || b.dur - a.dur);

  // Self time per event name: an event's duration less that of the events nested in it.
  const self = new Map();
  const stack = [];
  let busy = 0;
  let cpu = 0;
  const counts = { styleRecalcs: 0, styledElements: 0, layouts: 0, layoutObjects: 0 };
  for (const e of mine) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    if (stack.length) self.set(stack.at(-1).name, (self.get(stack.at(-1).name) ?? 0) - e.dur);
    else {
      busy += e.dur;
      cpu += e.tdur ?? 0;
    }
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur);
    stack.push(e);
    if (e.name == 'UpdateLayoutTree') {
      counts.styleRecalcs++;
      counts.styledElements += e.args?.elementCount ?? 0;
    }
    if (e.name == 'Layout') {
      counts.layouts++;
      counts.layoutObjects += e.args?.beginData?.dirtyObjects ?? 0;
    }
  }

  // The sampled CPU profile of that renderer: self time per JavaScript function within the window.
  const functions = new Map();
  const nodes = new Map();
  let time = events.find((e) => e.name == 'Profile' && e.pid == pid)?.args?.data?.startTime ?? 0;
  for (const chunk of events.filter((e) => e.name == 'ProfileChunk' && e.pid == pid).sort((a, b) => a.ts - b.ts)) {
    const data = chunk.args.data;
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node.callFrame);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      time += deltas[i] ?? 0;
      const frame = nodes.get(samples[i]);
      const dt = (deltas[i + 1] ?? 0) / 1000;
      if (!frame || time < start || time > end || dt <= 0) continue;
      if (['(idle)', '(program)', '(root)'].includes(frame.functionName)) continue;
      const where = frame.url ? new URL(frame.url).pathname.split('/').pop() : 'native';
      const key = `${frame.functionName || '(anonymous)'} (${where}${frame.url ? `:${frame.lineNumber + 1}` : ''})`;
      functions.set(key, (functions.get(key) ?? 0) + dt);
    }
  }
  const ms = (map) => new Map([...map].map(([k, v]) => [k, v > 1000 ? v / 1000 : v]));
  return { ready: (end - start) / 1000, busy: busy / 1000, cpu: cpu / 1000, self: new Map([...self].map(([k, v]) => [k, v / 1000])), functions: ms(functions), counts };
}

/**
 * Loads each of `variants` ({ name, url }) `runs` times, alternating, and prints what its main thread did. With
 * `light`, the trace has only the tasks and the clock (no sampled profile, whose own cost is large on a cold load), and
 * what is printed is the main thread's CPU time up to `ready`, against the first variant load by load.
 */
export async function profile(variants, runs = 5, log = console.log, { light = false } = {}) {
  const browser = await puppeteer.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
  const results = new Map(variants.map((v) => [v.name, []]));
  try {
    for (let round = 0; round < runs; round++) {
      for (const variant of round % 2 ? [...variants].reverse() : variants) {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        await page.setViewport({ width: 1280, height: 800 });
        await page.tracing.start({ categories: light ? ['toplevel', 'blink.user_timing', 'devtools.timeline'] : CATEGORIES });
        await page.goto(variant.url, { waitUntil: 'load', timeout: 120_000 });
        await page.waitForFunction(() => window.benchResult, { timeout: 120_000, polling: 100 });
        const trace = JSON.parse(Buffer.from(await page.tracing.stop()).toString());
        results.get(variant.name).push(analyse(trace.traceEvents));
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  if (light) {
    const first = results.get(variants[0].name);
    const interval = (values) => {
      const s = [...values].sort((a, b) => a - b);
      const half = (1.96 * Math.sqrt(s.length)) / 2;
      return [s[Math.max(0, Math.floor(s.length / 2 - half))], s[Math.min(s.length - 1, Math.ceil(s.length / 2 + half) - 1)]];
    };
    log(`main-thread CPU time to ready, ms: median (95 % CI) of ${runs} loads; against ${variants[0].name}: median of the load-by-load ratios (95 % CI)`);
    for (const [name, loads] of results) {
      const cpu = loads.map((l) => l.cpu);
      const ratios = cpu.map((c, i) => c / first[i].cpu);
      const [lo, hi] = interval(cpu);
      const [rlo, rhi] = interval(ratios);
      log(`  ${name.padEnd(28)} ${median(cpu).toFixed(1).padStart(7)} (${lo.toFixed(0)}–${hi.toFixed(0)})  ${median(ratios).toFixed(3)}× (${rlo.toFixed(3)}–${rhi.toFixed(3)})  ready ${median(loads.map((l) => l.ready)).toFixed(0)} ms`);
    }
    return results;
  }
  for (const [name, loads] of results) {
    const med = (get) => median(loads.map(get));
    const names = [...new Set(loads.flatMap((l) => [...l.self.keys()]))];
    const bySelf = names.map((n) => [n, med((l) => l.self.get(n) ?? 0)]).filter(([, v]) => v >= 0.5).sort((a, b) => b[1] - a[1]).slice(0, 14);
    const fns = [...new Set(loads.flatMap((l) => [...l.functions.keys()]))].map((n) => [n, med((l) => l.functions.get(n) ?? 0)]).sort((a, b) => b[1] - a[1]).slice(0, 16);
    const c = (key) => med((l) => l.counts[key]);
    log(`\n${name}: median of ${loads.length} cold loads — ready ${med((l) => l.ready).toFixed(1)} ms, main thread busy ${med((l) => l.busy).toFixed(1)} ms, of it CPU ${med((l) => l.cpu).toFixed(1)} ms`);
    log(`  counts: ${c('styleRecalcs')} style recalcs of ${c('styledElements')} elements, ${c('layouts')} layouts of ${c('layoutObjects')} objects`);
    log('  self time by trace event (ms):');
    for (const [n, v] of bySelf) log(`    ${v.toFixed(1).padStart(7)}  ${n}`);
    log('  JavaScript self time by function (ms, sampled):');
    for (const [n, v] of fns) log(`    ${v.toFixed(1).padStart(7)}  ${n}`);
  }
  return results;
}
