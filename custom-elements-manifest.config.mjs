/**
 * @custom-elements-manifest/analyzer: the manifest is built from each widget's JSDoc.
 * `npm run build` runs it (`custom-elements-manifest analyze`), then scripts/build/manifest-outputs.mjs turns
 * dist/custom-elements.json into editor data, React types and the API page.
 */

/**
 * Gives each `@fires` event the type written in the widget's `HTMLElementEventMap` entry, e.g.
 * `CustomEvent<FjordFactBoxToggleDetail>`; an event without an entry is left without a type (the React types then
 * fall back to `CustomEvent`). Drops what the analyzer takes for an event in `new CustomEvent(name, …)`: a variable's name.
 */
function eventTypes() {
  const types = new Map();
  return {
    name: 'fjord:event-types',
    analyzePhase({ ts, node }) {
      if (!ts.isInterfaceDeclaration(node) || node.name.getText() !== 'HTMLElementEventMap') return;
      for (const member of node.members) {
        if (ts.isPropertySignature(member) && member.type) {
          types.set(member.name.getText().replace(/^['"]|['"]$/g, ''), member.type.getText());
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of declarations(customElementsManifest)) {
        if (!declaration.events) continue;
        declaration.events = declaration.events.filter((event) => event.name && (event.description || event.name.includes('-')));
        for (const event of declaration.events) {
          const text = types.get(event.name);
          if (text) event.type = { text };
          else delete event.type;
        }
      }
    },
  };
}

/** Leaves private and protected members (`#x`, `private`, `@state`, `@query`) out: the manifest is the public API. */
function publicOnly() {
  return {
    name: 'fjord:public-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of declarations(customElementsManifest)) {
        if (!declaration.members) continue;
        declaration.members = declaration.members.filter(
          (m) => !m.name.startsWith('#') && m.privacy !== 'private' && m.privacy !== 'protected',
        );
      }
    },
  };
}

/** Points module paths at the published npm build (`dist/npm/photo/photo.js`), since `src/` is not in the package. */
function npmPaths() {
  const rewrite = (path) => path?.replace(/^src\/(.+)\.ts$/, 'dist/npm/$1.js');
  return {
    name: 'fjord:npm-paths',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        mod.path = rewrite(mod.path);
        for (const exp of mod.exports ?? []) {
          if (exp.declaration?.module) exp.declaration.module = rewrite(exp.declaration.module);
        }
        for (const declaration of mod.declarations ?? []) {
          if (declaration.superclass?.module) declaration.superclass.module = rewrite(declaration.superclass.module);
        }
      }
    },
  };
}

/**
 * The widgets are defined by `define('fjord-x', Class)` from src/shared/defer.ts (which lets the widgets far from the
 * viewport wait for their first render), not by `customElements.define` itself: this reads those calls as the analyzer
 * reads `customElements.define`, giving the class its tag name and the module a `custom-element-definition` export.
 */
function deferredDefine() {
  const found = new Map();
  return {
    name: 'fjord:deferred-define',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'define') return;
      const [tag, widget] = node.arguments;
      if (tag && widget && ts.isStringLiteral(tag)) found.set(moduleDoc.path, { tag: tag.text, name: widget.getText() });
    },
    moduleLinkPhase({ moduleDoc }) {
      const call = found.get(moduleDoc.path);
      const declaration = call && moduleDoc.declarations?.find((d) => d.name === call.name);
      if (!declaration) return;
      Object.assign(declaration, { customElement: true, tagName: call.tag });
      (moduleDoc.exports ??= []).push({ kind: 'custom-element-definition', name: call.tag, declaration: { name: call.name, module: moduleDoc.path } });
    },
  };
}

function* declarations(manifest) {
  for (const mod of manifest.modules) yield* mod.declarations ?? [];
}

export default {
  globs: ['src/*/*.ts'],
  exclude: ['src/shared/**', 'src/ssr/**', 'src/sanitize/**', 'src/**/*.styles.ts', 'src/newsletter-signup/signup-send.ts'],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
  plugins: [deferredDefine(), eventTypes(), publicOnly(), npmPaths()],
};
