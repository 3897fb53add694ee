import type { ReactiveElement } from 'lit';

/**
 * Deferred first render. A widget that is on the page when its script defines it, and not near the viewport, waits:
 * Lit does not see it connect (no shadow root, so its content shows as before), and the `defer` attribute keeps
 * fjord-elements.css's pre-upgrade look on it, so nothing moves. Waiting widgets render from top to bottom, in slices
 * of a few milliseconds once the browser is idle, and at once when one nears the viewport, is focused, clicked or the
 * `#id` target, when the page prints, or on `renderAll()`. A waiting widget's `updateComplete` resolves when it has
 * rendered, as always (reading it does not hurry it: a page that awaits every widget would render them all at once).
 * Widgets that scripts add later, server-rendered ones, and every widget in browsers without `:is()` render at once.
 */

type Widget = ReactiveElement & { performUpdate(): void };

/** Each waiting widget and its own `connectedCallback`, from top to bottom. */
let waiting = new Map<Widget, () => void>();
/** Whether a define's upgrades are under way: then a measurement is queued, for the microtask after them. */
let upgrading: unknown;
/** The pending slice, if any. */
let sliced: unknown;
/** Whether fjord-elements.css's waiting look, `:is([defer],:not(:defined))`, applies: browsers without `:is()` drop it. */
const supported = globalThis.CSS?.supports('selector(:is(a))');

function render(el: Widget): void {
  const connect = waiting.get(el);
  el.removeAttribute('defer');
  if (waiting.delete(el)) {
    connect!.call(el);
    el.performUpdate();
  }
}

/** Renders every widget that is still waiting, now: for scripts, tests and frameworks that read widgets right away. */
export const renderAll = (): void => waiting.forEach((_, el) => render(el));

/** Renders the waiting widgets that hold `node` (outermost first). */
const wake = (node: EventTarget | null): void => waiting.forEach((_, el) => el.contains(node as Node) && render(el));

/**
 * Asks for the next slice: the first when the browser is idle (a plain task where there is no idle callback: Safari),
 * and from a slice the next at background priority, which yields to input and frames without waiting for the next
 * idle period (chained idle callbacks leave tens of ms between slices). At 1,000 teasers, user-visible priority or a
 * plain task gave every card ready equally soon; a chain of plain tasks, though, delays WebKit's frames (and the scroll
 * events that come with them) by a hundred milliseconds and more.
 */
function later(): void {
  sliced ||=
    waiting.size &&
    (sliced === 0 && globalThis.scheduler ? scheduler.postTask(slice, { priority: 'background' }) : (globalThis.requestIdleCallback ?? setTimeout)(slice));
}

/** Renders waiting widgets in turn for at most 10 ms: under Lighthouse's fourfold slowdown, still no long task. */
function slice(): void {
  const end = performance.now() + 10;
  // The next slice is asked for first, so that a widget whose render throws does not stop the line.
  sliced = 0;
  later();
  for (const el of waiting.keys()) {
    if (performance.now() > end) break;
    render(el);
  }
}

/**
 * Renders the waiting widgets within a viewport's height below it or half above it. Reading their places first and
 * rendering after costs one layout; the line runs from top to bottom, so the first one far below ends the reading.
 */
function renderNear(): void {
  const near: Widget[] = [];
  for (const el of waiting.keys()) {
    const { top, bottom } = el.getBoundingClientRect();
    if (top > innerHeight * 1.5) break;
    if (bottom > -innerHeight / 2) near.push(el);
  }
  near.forEach(render);
}

/**
 * Puts the waiting widgets in line from top to bottom, as the page is read (widgets of each kind connect in turn, not
 * in page order; one layout, in the pre-upgrade look), and renders those near the viewport and the `#id` target.
 */
function measure(): void {
  upgrading = 0;
  later();
  waiting = new Map([...waiting].map((entry) => [entry, entry[0].getBoundingClientRect().top] as const).sort((a, b) => a[1] - b[1]).map(([entry]) => entry));
  renderNear();
  wake(document.querySelector(':target'));
}

/**
 * Defines `tag` as `widget`, unless the page has defined it already, and lets the widgets already on the page wait
 * for their first render: until the next microtask, the upgrades that `define` makes count as the page's own widgets.
 */
export function define(tag: string, widget: typeof ReactiveElement & CustomElementConstructor): void {
  if (customElements.get(tag)) return;
  if (supported) {
    upgrading ||= (queueMicrotask(measure), 1);
    const proto = widget.prototype as Widget;
    const { connectedCallback: connect, disconnectedCallback: disconnect } = proto;
    proto.connectedCallback = function (this: Widget) {
      if (upgrading && !this.shadowRoot) {
        waiting.set(this, connect);
        this.setAttribute('defer', '');
      } else connect.call(this);
    };
    proto.disconnectedCallback = function (this: Widget) {
      this.removeAttribute('defer');
      if (!waiting.delete(this)) disconnect.call(this);
    };
  }
  customElements.define(tag, widget);
}

if (supported) {
  addEventListener('beforeprint', renderAll);
  addEventListener('hashchange', measure);
  // Capture: scrolling inside a box does not bubble.
  addEventListener('scroll', renderNear, true);
  for (const type of ['focusin', 'pointerdown', 'click']) addEventListener(type, (e) => wake(e.target as Node), true);
}
