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

/** Sums the layout-shift score (as CLS counts it) of everything that happens while `during` runs. */
export async function layoutShiftDuring(during: () => Promise<void>): Promise<number> {
  let total = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as LayoutShift[]) if (!entry.hadRecentInput) total += entry.value;
  });
  observer.observe({ type: 'layout-shift' });
  await during();
  // Layout-shift entries arrive after the frame that shifted.
  for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
  await new Promise((r) => setTimeout(r, 50));
  for (const entry of observer.takeRecords() as LayoutShift[]) if (!entry.hadRecentInput) total += entry.value;
  observer.disconnect();
  return total;
}
