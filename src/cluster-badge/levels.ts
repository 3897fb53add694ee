import type { SVGTemplateResult } from 'lit';
import type { Locale } from '../shared/locale.js';

/** A programme level a badge can show, registered with `FjordClusterBadge.defineLevel()`. */
export interface ClusterLevel {
  /** Short name of the level per language, e.g. `{ nb: 'Arena Pro', nn: 'Arena Pro', en: 'Arena Pro' }`. */
  label: Record<Locale, string>;
  /** One sentence on what the level means, shown on the card. */
  description: Record<Locale, string>;
  /**
   * The level's icon in a 24×24 box, drawn in the badge's text colour: SVG path data (`'M12 2l10 10…'`)
   * or an `svg` template from Lit. Give each level its own shape: levels must never differ by colour alone.
   */
  icon: string | SVGTemplateResult;
  /** The programme, read as "Arena Pro-klynge i <programme>"; leave out for a level that needs none. */
  programme?: Record<Locale, string>;
}

const NIC = 'Norwegian Innovation Clusters';

function nic(label: string, icon: string, no: string, en: string): ClusterLevel {
  return { label: { nb: label, nn: label, en: label }, description: { nb: no, nn: no, en }, icon, programme: { nb: NIC, nn: NIC, en: NIC } };
}

/** Built-in levels of Norwegian Innovation Clusters: a disc, a triangle and a four-pointed star. Their descriptions read the same in nb and nn. */
export const levels = new Map<string, ClusterLevel>([
  ['arena', nic('Arena', 'M12 4a8 8 0 1 0 .1 0z', 'Ung klynge i oppbygging, med støtte i 3–5 år.', 'A young, growing cluster, funded for 3–5 years.')],
  ['arena-pro', nic('Arena Pro', 'M12 3l10 18H2z', 'Etablert klynge med støtte i 5 år.', 'An established cluster, funded for 5 years.')],
  ['gce', nic('GCE', 'M12 2l2 8 8 2-8 2-2 8-2-8-8-2 8-2z', 'Moden klynge med global posisjon og støtte i 10 år.', 'A mature cluster with global reach, funded for 10 years.')],
]);

/** Icons of the NCE brand (a diamond) and the ESCA label (a hexagon). */
export const NCE_ICON = 'M12 2l10 10-10 10L2 12z';
export const ESCA_ICON = 'M12 2l9 5v10l-9 5-9-5V7z';
