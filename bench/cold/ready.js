/**
 * The clock of a cold page load, loaded last as `<script type="module" src="/bench/cold/ready.js?tags=…">`. It waits
 * until the widgets named in `tags` are defined and every one of them in the page has rendered (Lit's `updateComplete`),
 * then for the next frame to be painted, and records `performance.measure('ready')` from navigation start; `onscreen`
 * likewise for the widgets in the first viewport. Then `window.benchResult`: `tbt`, the total blocking time of the main thread's long tasks up to that
 * moment (the time by which each exceeded 50 ms), and `longest`, the longest task.
 * The page's `<head>` starts the long-task observer before anything else (`window.benchLongTasks`).
 */
const tags = new URL(import.meta.url).searchParams.get('tags')?.split(',').filter(Boolean) ?? [];

/** The widgets in the page. (None of the measured widgets renders another in its shadow root.) */
const widgets = () => (tags.length ? [...document.querySelectorAll(tags.join(','))] : []);

await Promise.all(tags.map((tag) => customElements.whenDefined(tag)));
// `onscreen`: the widgets in the first viewport rendered and painted (a build may render the others later).
const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
await Promise.all(widgets().filter((el) => el.getBoundingClientRect().top < innerHeight).map((el) => el.updateComplete));
await frame();
performance.measure('onscreen');
// A first render may set off another update: wait until none is pending.
for (let pending = widgets(); pending.some((el) => el.isUpdatePending); pending = widgets()) {
  await Promise.all(pending.map((el) => el.updateComplete));
}
// The frame that shows them: rendering steps run after requestAnimationFrame callbacks; the task after that is past the paint.
await frame();
const ready = performance.measure('ready');

// Long tasks are reported after they end: take what is queued, and give the last one a moment to arrive.
await new Promise((resolve) => setTimeout(resolve, 100));
const tasks = [...window.benchLongTasks.records, ...window.benchLongTasks.observer.takeRecords()].filter((task) => task.startTime < ready.duration);
window.benchResult = {
  ready: ready.duration,
  tbt: tasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
  longest: Math.max(0, ...tasks.map((task) => task.duration)),
  widgets: widgets().length,
};
