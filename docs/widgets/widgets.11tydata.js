/** Widget pages: one per tag, at the top of the site (`photo.html`), with the widget layout. */
export default {
  layout: 'widget.njk',
  permalink: (data) => `${data.tag.replace(/^fjord-/, '')}.html`,
  eleventyComputed: { title: (data) => `<${data.tag}>` },
};
