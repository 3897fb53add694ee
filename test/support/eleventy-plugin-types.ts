// Type-checked by `npm run typecheck`, not run: the declarations of fjord-elements/eleventy
// (integrations/eleventy/index.d.ts) as a TypeScript Eleventy config uses them, and the generated widgets.js.
import fjordElements, { dedent, renderWidget, type EleventyConfigLike, type FjordElementsOptions } from '../../integrations/eleventy/index.js';
import { widgets } from '../../integrations/eleventy/widgets.js';

export function config(eleventyConfig: EleventyConfigLike): void {
  const options: FjordElementsOptions = { assets: false, url: 'https://cdn.example.no/fjord-elements/' };
  fjordElements(eleventyConfig, options);
  // @ts-expect-error: `assets` is a boolean.
  fjordElements(eleventyConfig, { assets: 'no' });
}

const box = widgets.find((w) => w.tag == 'fjord-fact-box');
export const html: string = box ? renderWidget(box, { heading: 'Fakta' }, { content: dedent('  - en'), warn: (message: string) => message.length }) : '';
