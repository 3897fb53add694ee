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

function* declarations(manifest) {
  for (const mod of manifest.modules) yield* mod.declarations ?? [];
}

export default {
  globs: ['src/*/*.ts'],
  exclude: ['src/shared/**', 'src/ssr/**', 'src/sanitize/**', 'src/**/*.styles.ts', 'src/newsletter-signup/signup-send.ts'],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
  plugins: [eventTypes(), publicOnly(), npmPaths()],
};
