import { esbuildPlugin } from '@web/dev-server-esbuild';
import { demoBackend, warmUp } from './server-middleware.mjs';

// `npm start`: the demo contract page, TypeScript compiled on the fly by esbuild, on the
// reference server (embedded database) mounted under /v1 of the same origin.
warmUp();

export default {
  rootDir: '.',
  // The page lives in demo/ so that its imports of ../src resolve; / leads there.
  middleware: [
    demoBackend,
    (ctx, next) => {
      if (ctx.path === '/') {
        ctx.redirect('/demo/');
        return undefined;
      }
      return next();
    },
  ],
  open: false,
  watch: false,
  nodeResolve: true,
  port: Number(process.env.PORT) || 8000,
  plugins: [esbuildPlugin({ ts: true, json: true, tsconfig: './tsconfig.json', target: 'es2022' })],
};
