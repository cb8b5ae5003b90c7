import { esbuildPlugin } from '@web/dev-server-esbuild';

// `npm start`: the demo contract page, TypeScript compiled on the fly by esbuild.
export default {
  rootDir: '.',
  appIndex: 'demo/index.html',
  open: false,
  watch: false,
  nodeResolve: true,
  port: Number(process.env.PORT) || 8000,
  plugins: [esbuildPlugin({ ts: true, json: true, tsconfig: './tsconfig.json', target: 'es2022' })],
};
