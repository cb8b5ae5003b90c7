// Type-checks every ```ts block of README.md against the sources, as a reader would paste it:
// `checkin-elements` and its subpaths resolve to src/, each block is its own module.
// Usage: node scripts/check-readme.mjs
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'node_modules', '.cache', 'readme-snippets');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((m) => m[1]);

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
blocks.forEach((code, i) => writeFileSync(join(dir, `snippet-${i + 1}.ts`), code));
const src = (path) => [join(root, 'src', path)];
writeFileSync(
  join(dir, 'tsconfig.json'),
  JSON.stringify({
    extends: join(root, 'tsconfig.json'),
    compilerOptions: {
      noEmit: true,
      rootDir: root,
      noUnusedLocals: false,
      types: [],
      paths: {
        'checkin-elements': src('index.ts'),
        'checkin-elements/elements': src('elements/index.ts'),
        'checkin-elements/schedule': src('schedule/index.ts'),
        'checkin-elements/adapters/memory': src('adapters/memory.ts'),
        'checkin-elements/conformance': src('conformance/index.ts'),
        'checkin-elements/adapters/http': src('adapters/http.ts'),
        'checkin-elements/context': src('context.ts'),
        'checkin-elements/define/*': src('define/*'),
      },
    },
    include: ['snippet-*.ts'],
  }),
);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const run = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
const output = (run.stdout + run.stderr).split(dir + '/').join('README ');
if (run.status !== 0) {
  process.stderr.write(output);
  console.error(`check-readme: the README's TypeScript blocks do not type-check (${blocks.length} blocks).`);
  process.exit(1);
}
console.log(`check-readme: ${blocks.length} TypeScript blocks of README.md type-check.`);
