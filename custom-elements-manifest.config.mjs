// `npm run analyze`: custom-elements.json from the source's JSDoc.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      name: 'checkin-public-api-only',
      // Events are dispatched as `new CheckinXEvent(...)`, which the analyzer records as an
      // unnamed event; the names come from each class's `@fires` JSDoc instead.
      packageLinkPhase({ customElementsManifest }) {
        // File-system order differs between machines; a sorted manifest stays byte-identical.
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
        for (const mod of customElementsManifest.modules) {
          for (const decl of mod.declarations ?? []) {
            if (decl.events) decl.events = decl.events.filter((event) => event.name);
            // Private members are implementation, not API: editors, Storybook and the generated
            // typings should not offer them (and their defaults would copy whole functions here).
            if (decl.members) decl.members = decl.members.filter((member) => member.privacy !== 'private');
          }
        }
      },
    },
  ],
};
