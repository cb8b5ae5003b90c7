import { readdirSync } from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';

const defines = Object.fromEntries(
  readdirSync('src/define')
    .filter((file) => file.endsWith('.ts'))
    .map((file) => [`define/${file.slice(0, -3)}`, `src/define/${file}`]),
);

/**
 * Minifies the static text of Lit's html`` and css`` templates in our own modules, after
 * TypeScript (the Lit team's plugin: html-minifier-next for HTML, lightningcss for CSS).
 * Consumers' bundlers and terser minify code but never a template literal's text, so this is
 * the only place its whitespace can go. test/built/minified-render.test.ts renders each element
 * of dist/ beside its source and expects the same DOM, text and computed styles. A template
 * passed straight to `msg()` would have its message id changed: the lint refuses one.
 */
const minifyLitTemplates = () => minifyHTML({ include: ['src/**/*.ts'], failOnError: true });

const onwarn = (warning, warn) => {
  // Lit's decorators are compiled by TypeScript; `this` at module top level is harmless there.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

export default [
  // ESM for bundlers and import maps: one file per source module, `lit` and `@lit/*` external.
  {
    input: {
      index: 'src/index.ts',
      'elements/index': 'src/elements/index.ts',
      'schedule/index': 'src/schedule/index.ts',
      'adapters/memory': 'src/adapters/memory.ts',
      'adapters/http': 'src/adapters/http.ts',
      'conformance/index': 'src/conformance/index.ts',
      context: 'src/context.ts',
      ...defines,
    },
    external: (id) => id === 'lit' || id.startsWith('lit/') || id.startsWith('@lit/'),
    output: {
      dir: 'dist',
      format: 'esm',
      preserveModules: true,
      preserveModulesRoot: 'src',
      // The TypeScript plugin always imports its decorator helpers from tslib; npm never
      // publishes a folder named node_modules, so that module goes to dist/vendor/.
      entryFileNames: (chunk) => `${chunk.name.replace(/^node_modules\//, 'vendor/')}.js`,
      sourcemap: true,
    },
    plugins: [
      typescript({
        tsconfig: './tsconfig.build.json',
        declaration: true,
        declarationMap: true,
        declarationDir: 'dist',
        outDir: 'dist',
      }),
      minifyLitTemplates(),
    ],
    onwarn,
  },
  // One file with Lit inside, for a plain <script type="module"> page.
  {
    input: 'src/bundle.ts',
    // One file even where the code loads a module on demand (`import()`): inlined here, while
    // the ESM build above keeps it a module of its own.
    output: { file: 'dist/checkin-elements.bundle.js', format: 'esm', sourcemap: true, inlineDynamicImports: true },
    plugins: [
      nodeResolve({ exportConditions: ['production'] }),
      typescript({ tsconfig: './tsconfig.build.json', declaration: false, declarationMap: false, outDir: 'dist' }),
      minifyLitTemplates(),
      terser({ ecma: 2022, module: true, format: { comments: false } }),
    ],
    onwarn,
  },
];
