/**
 * The fjord-elements blocks in the block editor: a plain script on WordPress's own packages (wp.blocks, wp.element,
 * wp.blockEditor, wp.components), no build step. Each block's name, title, category and attributes come from its
 * block.json (registered by the plugin in PHP); the sidebar is built from `fjordElements` (elements.json, printed
 * before this script): one control per attribute of the widget, with the widget's own description as help.
 *
 * A block is saved as the widget's tag: its attributes on the tag, and what the editor writes in place (the caption,
 * the card's headline and lead, the signup's heading and text: the block.json attributes sourced from a child's HTML)
 * as the tag's children; the fact box's facts are blocks inside it (a list to start with). The editor shows the
 * widget itself, upgraded by fjord-elements.js, with those children slotted in and editable.
 */
(function (wp, elements) {
  const { createElement: el, Fragment } = wp.element;
  const { registerBlockType, getBlockType } = wp.blocks;
  const { useBlockProps, RichText, InnerBlocks, InspectorControls } = wp.blockEditor;
  const { PanelBody, TextControl, ToggleControl, SelectControl } = wp.components;

  /** Widgets whose content is made of blocks, and the blocks a new one starts with. */
  const INNER_BLOCKS = { 'fjord-fact-box': [['core/list']] };
  /** Attributes the editor leaves off the widget it shows: a link would take the editor away from the post. */
  const NOT_IN_EDITOR = ['href'];

  /** The block attributes written in place: [attribute, child tag name], from block.json's `selector: 'fjord-x > h3'`. */
  function inPlace(name) {
    return Object.entries(getBlockType(name).attributes)
      .filter(([, a]) => a.source == 'html')
      .map(([key, a]) => [key, a.selector.split('>').pop().trim()]);
  }

  /** The widget's HTML attributes: booleans present or absent, empty strings left out. */
  function tagAttributes(element, attributes, leaveOut = []) {
    const out = {};
    for (const { name, kind } of element.attributes) {
      const value = attributes[name];
      if (leaveOut.includes(name) || value === undefined || value === '' || value === false) continue;
      out[name] = kind == 'boolean' ? '' : String(value);
    }
    return out;
  }

  /** The card's image-* attributes, which are an <img>'s own attributes with the prefix. */
  const IMAGE_ATTRIBUTES = ['src', 'alt', 'width', 'height', 'srcset', 'sizes'];

  function imageChild(attributes) {
    const img = { key: 'image', alt: attributes['image-alt'] ?? '' };
    for (const n of IMAGE_ATTRIBUTES) if (attributes[`image-${n}`] !== undefined && attributes[`image-${n}`] !== '') img[n] = String(attributes[`image-${n}`]);
    return el('img', img);
  }

  function control(attribute, attributes, setAttributes) {
    const { name, kind, values, description } = attribute;
    const common = { key: name, label: name, help: description, value: attributes[name] ?? '' };
    const set = (value) => setAttributes({ [name]: value === '' ? undefined : value });
    if (kind == 'boolean') return el(ToggleControl, { ...common, checked: Boolean(attributes[name]), onChange: (on) => setAttributes({ [name]: on || undefined }) });
    if (values) return el(SelectControl, { ...common, options: [{ label: attribute.default ? `(${attribute.default})` : '—', value: '' }, ...values.map((v) => ({ label: v, value: v }))], onChange: set });
    return el(TextControl, { ...common, type: kind == 'number' ? 'number' : 'text', onChange: set });
  }

  for (const element of elements) {
    const name = `fjord-elements/${element.tag.replace(/^fjord-/, '')}`;
    const inner = INNER_BLOCKS[element.tag];
    // Read from the registered block type at its first render, then kept: it never changes.
    let slots;
    const slotsOf = () => (slots ??= inPlace(name));
    registerBlockType(name, {
      edit({ attributes, setAttributes }) {
        const children = slotsOf().map(([key, tagName]) =>
          el(RichText, { key, tagName, value: attributes[key], placeholder: `${key.replace(/Text$/, '')} …`, onChange: (value) => setAttributes({ [key]: value }) }),
        );
        if (inner) children.push(el(InnerBlocks, { key: 'inner', template: inner }));
        return el(
          Fragment,
          null,
          el(InspectorControls, null, el(PanelBody, { title: element.title }, element.attributes.map((a) => control(a, attributes, setAttributes)))),
          el('div', useBlockProps(), el(element.tag, tagAttributes(element, attributes, NOT_IN_EDITOR), ...children)),
        );
      },
      save({ attributes }) {
        const children = slotsOf()
          .filter(([key]) => attributes[key])
          .map(([key, tagName]) => el(RichText.Content, { key, tagName, value: attributes[key] }));
        if (inner) children.push(el(InnerBlocks.Content, { key: 'inner' }));
        // A card with text children takes its image as an <img> child too (the README's form): in the page's HTML it
        // reads without JavaScript, and fjord-elements.css reserves its box before upgrade.
        const image = element.tag == 'fjord-article-card' && children.length && attributes['image-src'] ? imageChild(attributes) : null;
        const leaveOut = image ? IMAGE_ATTRIBUTES.map((n) => `image-${n}`) : [];
        return el(element.tag, tagAttributes(element, attributes, leaveOut), ...(image ? [image] : []), ...children);
      },
    });
  }
})(window.wp, window.fjordElements ?? []);
