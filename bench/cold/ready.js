/**
 * The clock of a cold page load, loaded last as `<script type="module" src="/bench/cold/ready.js?tags=…">`. It waits
 * until the widgets named in `tags` are defined and every element with Lit's `updateComplete` (in the page and in open
 * shadow roots) has rendered, then for the next frame to be painted, and records `performance.measure('ready')` from
 * navigation start. Then `window.benchResult`: `tbt`, the total blocking time of the main thread's long tasks up to that
 * moment (the time by which each exceeded 50 ms), and `longest`, the longest task.
 * The page's `<head>` starts the long-task observer before anything else (`window.benchLongTasks`).
 */
const tags = new URL(import.meta.url).searchParams.get('tags')?.split(',').filter(Boolean) ?? [];

/** Every element below `root` with `updateComplete`, in the light DOM and in open shadow roots. */
function updating(root, found = []) {
  for (const el of root.querySelectorAll('*')) {
    if ('updateComplete' in el) found.push(el);
    if (el.shadowRoot) updating(el.shadowRoot, found);
  }
  return found;
}

await Promise.all(tags.map((tag) => customElements.whenDefined(tag)));
// A widget may render others in its shadow root: look again until nothing is left pending.
for (let pending = updating(document); pending.some((el) => el.isUpdatePending); pending = updating(document)) {
  await Promise.all(pending.map((el) => el.updateComplete));
}
// The frame that shows them: rendering steps run after requestAnimationFrame callbacks; the task after that is past the paint.
await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
const ready = performance.measure('ready');

// Long tasks are reported after they end: take what is queued, and give the last one a moment to arrive.
await new Promise((resolve) => setTimeout(resolve, 100));
const tasks = [...window.benchLongTasks.records, ...window.benchLongTasks.observer.takeRecords()].filter((task) => task.startTime < ready.duration);
window.benchResult = {
  ready: ready.duration,
  tbt: tasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
  longest: Math.max(0, ...tasks.map((task) => task.duration)),
  widgets: updating(document).length,
};
