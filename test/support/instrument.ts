// Counts what a page can leak: pending timers and animation frames, observed targets of every observer
// type, and event listeners on window and document. Import it before the library.

const pendingTimers = new Set<number>();
const pendingFrames = new Set<number>();
const observed = new Map<object, Set<Node>>();
const globalListeners = new Map<string, number>();

const { setTimeout: realSetTimeout, clearTimeout: realClearTimeout, setInterval: realSetInterval, clearInterval: realClearInterval } = window;

window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
  const id: number = realSetTimeout(
    (...a: unknown[]) => {
      pendingTimers.delete(id);
      if (typeof handler === 'function') handler(...a);
    },
    ms,
    ...args,
  );
  pendingTimers.add(id);
  return id;
}) as typeof window.setTimeout;
window.clearTimeout = ((id?: number) => {
  if (id !== undefined) pendingTimers.delete(id);
  realClearTimeout(id);
}) as typeof window.clearTimeout;
window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
  const id = realSetInterval(handler, ms, ...args);
  pendingTimers.add(id);
  return id;
}) as typeof window.setInterval;
window.clearInterval = ((id?: number) => {
  if (id !== undefined) pendingTimers.delete(id);
  realClearInterval(id);
}) as typeof window.clearInterval;

const realRaf = window.requestAnimationFrame.bind(window);
const realCancelRaf = window.cancelAnimationFrame.bind(window);
window.requestAnimationFrame = (cb) => {
  const id = realRaf((t) => {
    pendingFrames.delete(id);
    cb(t);
  });
  pendingFrames.add(id);
  return id;
};
window.cancelAnimationFrame = (id) => {
  pendingFrames.delete(id);
  realCancelRaf(id);
};

for (const name of ['MutationObserver', 'ResizeObserver', 'IntersectionObserver'] as const) {
  const proto = window[name].prototype as { observe: (t: Node) => void; unobserve?: (t: Node) => void; disconnect: () => void };
  const { observe, unobserve, disconnect } = proto;
  proto.observe = function (this: object, target: Node, ...rest: unknown[]) {
    if (!observed.has(this)) observed.set(this, new Set());
    observed.get(this)!.add(target);
    return (observe as (...a: unknown[]) => void).call(this, target, ...rest);
  };
  if (unobserve) {
    proto.unobserve = function (this: object, target: Node) {
      observed.get(this)?.delete(target);
      return unobserve.call(this, target);
    };
  }
  proto.disconnect = function (this: object) {
    observed.delete(this);
    return disconnect.call(this);
  };
}

for (const target of [window, document] as EventTarget[]) {
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  const live = new Map<string, Set<unknown>>();
  target.addEventListener = (type: string, listener: unknown, options?: unknown) => {
    if (!live.has(type)) live.set(type, new Set());
    live.get(type)!.add(listener);
    globalListeners.set(`${target === window ? 'window' : 'document'}:${type}`, live.get(type)!.size);
    return add(type, listener as EventListener, options as AddEventListenerOptions);
  };
  target.removeEventListener = (type: string, listener: unknown, options?: unknown) => {
    live.get(type)?.delete(listener);
    globalListeners.set(`${target === window ? 'window' : 'document'}:${type}`, live.get(type)?.size ?? 0);
    return remove(type, listener as EventListener, options as EventListenerOptions);
  };
}

/** What is alive now: pending timers and frames, targets under observation, and global listeners. */
export function liveResources() {
  let targets = 0;
  let detachedTargets = 0;
  for (const set of observed.values()) {
    for (const node of set) {
      targets++;
      if (!node.isConnected) detachedTargets++;
    }
  }
  const listeners = [...globalListeners.values()].reduce((a, b) => a + b, 0);
  return { timers: pendingTimers.size, frames: pendingFrames.size, observedTargets: targets, detachedTargets, listeners };
}
