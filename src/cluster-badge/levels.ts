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

const same = (text: string): Record<Locale, string> => ({ nb: text, nn: text, en: text });
const NIC = same('Norwegian Innovation Clusters');

/** Built-in levels of Norwegian Innovation Clusters: a disc, a triangle and a star. */
export const levels = new Map<string, ClusterLevel>([
  [
    'arena',
    {
      label: same('Arena'),
      description: {
        nb: 'Ung klynge i oppbygging, med støtte i 3 år som kan forlenges med 2.',
        nn: 'Ung klynge i oppbygging, med støtte i 3 år som kan forlengjast med 2.',
        en: 'A young cluster building collaboration, funded for 3 years, extendable by 2.',
      },
      icon: 'M12 4a8 8 0 1 0 0 16a8 8 0 1 0 0-16z',
      programme: NIC,
    },
  ],
  [
    'arena-pro',
    {
      label: same('Arena Pro'),
      description: {
        nb: 'Etablert klynge med strategisk samarbeid og støtte i 5 år.',
        nn: 'Etablert klynge med strategisk samarbeid og støtte i 5 år.',
        en: 'An established cluster with strategic collaboration, funded for 5 years.',
      },
      icon: 'M12 3l10 18H2z',
      programme: NIC,
    },
  ],
  [
    'gce',
    {
      label: same('GCE'),
      description: {
        nb: 'Global Centre of Expertise: moden klynge med global rekkevidde og støtte i 10 år.',
        nn: 'Global Centre of Expertise: moden klynge med global rekkjevidd og støtte i 10 år.',
        en: 'Global Centre of Expertise: a mature cluster with global reach, funded for 10 years.',
      },
      icon: 'M12 2l2.9 6.9 7.1.6-5.4 4.7 1.6 7.3-6.2-3.7-6.2 3.7 1.6-7.3L2 9.5l7.1-.6z',
      programme: NIC,
    },
  ],
]);

/** The built-in levels, which have their own colours; registered ones take the accent colour. */
export const BUILT_IN = ['arena', 'arena-pro', 'gce'];

/** Icons of the NCE brand (a diamond) and the ESCA label (a hexagon). */
export const NCE_ICON = 'M12 2l10 10-10 10L2 12z';
export const ESCA_ICON = 'M12 2l9 5v10l-9 5-9-5V7z';
