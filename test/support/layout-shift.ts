/** Adds fjord-elements.css to the test page, as a site's <head> would. */
export async function linkUpgradeStylesheet(): Promise<void> {
  if (document.querySelector('link[data-fjord]')) return;
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/src/fjord-elements.css' });
  link.dataset.fjord = '';
  const loaded = new Promise((resolve, reject) => {
    link.onload = resolve;
    link.onerror = reject;
  });
  document.head.append(link);
  await loaded;
}

interface LayoutShift extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
}

export interface ShiftReport {
  /** The CLS-style layout-shift score; `undefined` where the engine has no Layout Instability API (Firefox, WebKit). */
  score: number | undefined;
  /** The largest distance in px that any tracked element moved — measurable in every engine. */
  moved: number;
}

const frames = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
};

/**
 * Measures what moves while `during` runs: the layout-shift score where the engine reports it, and in every
 * engine the displacement of the `tracked` elements (content around and below the widgets).
 */
export async function layoutShiftDuring(tracked: Element[], during: () => Promise<void>): Promise<ShiftReport> {
  const supported = PerformanceObserver.supportedEntryTypes?.includes('layout-shift');
  let score = 0;
  const add = (entries: PerformanceEntry[]) => {
    for (const entry of entries as LayoutShift[]) if (!entry.hadRecentInput) score += entry.value;
  };
  const observer = supported ? new PerformanceObserver((list) => add(list.getEntries())) : undefined;
  observer?.observe({ type: 'layout-shift' });
  const before = tracked.map((el) => el.getBoundingClientRect());
  await during();
  // Layout-shift entries arrive after the frame that shifted.
  await frames(3);
  await new Promise((r) => setTimeout(r, 50));
  if (observer) {
    add(observer.takeRecords());
    observer.disconnect();
  }
  const moved = Math.max(
    0,
    ...tracked.map((el, i) => {
      const now = el.getBoundingClientRect();
      return Math.max(Math.abs(now.top - before[i].top), Math.abs(now.left - before[i].left), Math.abs(now.height - before[i].height));
    }),
  );
  return { score: supported ? score : undefined, moved };
}
