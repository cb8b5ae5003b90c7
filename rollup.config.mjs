import { readdirSync } from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const defines = Object.fromEntries(
  readdirSync('src/define')
    .filter((file) => file.endsWith('.ts'))
    .map((file) => [`define/${file.slice(0, -3)}`, `src/define/${file}`]),
);

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
    ],
    onwarn,
  },
  // One file with Lit inside, for a plain <script type="module"> page.
  {
    input: 'src/bundle.ts',
    output: { file: 'dist/checkin-elements.bundle.js', format: 'esm', sourcemap: true },
    plugins: [
      nodeResolve({ exportConditions: ['production'] }),
      typescript({ tsconfig: './tsconfig.build.json', declaration: false, declarationMap: false, outDir: 'dist' }),
      terser({ ecma: 2022, module: true, format: { comments: false } }),
    ],
    onwarn,
  },
];
