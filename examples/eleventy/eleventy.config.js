// A CommonJS config, as in a project without "type": "module". fjord-elements/ssr.js is an ES module, so it is
// loaded with import(), which works from CommonJS; a static `import` here would fail with "Cannot use import statement
// outside a module". With "type": "module" (or as eleventy.config.mjs), write `import { renderDocument } from …` instead.
//
// FJORD_SSR=1 builds the server-rendered site into _site-ssr/; without it, the drop-in site into _site/.
const ssr = process.env.FJORD_SSR === '1';

module.exports = async function (eleventyConfig) {
  eleventyConfig.addGlobalData('ssr', ssr);
  eleventyConfig.addPassthroughCopy({ 'src/img': 'img' });
  // The shortcodes ({% fjordFactBox %} …) and {% fjordElementsHead %}; the drop-in files, fjord-elements.js and
  // fjord-elements.css, copied from the package to /fjord-elements/, except for the server-rendered site.
  const { default: fjordElements } = await import('fjord-elements/eleventy');
  eleventyConfig.addPlugin(fjordElements, { assets: !ssr });
  if (!ssr) return;
  const { renderDocument } = await import('fjord-elements/ssr.js');
  eleventyConfig.addTransform('fjord-elements', function (content) {
    return this.page.outputPath && this.page.outputPath.endsWith('.html') ? renderDocument(content) : content;
  });
  // Hydration without a bundler: the npm build and Lit, copied as they are, found by the import map in the layout.
  eleventyConfig.addPassthroughCopy({ 'node_modules/fjord-elements/dist/npm': 'modules/fjord-elements' });
  for (const name of ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit-labs/ssr-client']) {
    eleventyConfig.addPassthroughCopy({ [`node_modules/${name}`]: `modules/${name}` });
  }
  // eleventy --serve reloads a page by patching its DOM, which does not parse declarative shadow roots: the first
  // edit would empty every server-rendered widget. Reload whole pages instead.
  eleventyConfig.setServerOptions({ domDiff: false });
};

module.exports.config = {
  dir: { input: 'src', output: ssr ? '_site-ssr' : '_site' },
  markdownTemplateEngine: false,
};
