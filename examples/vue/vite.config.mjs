// `npm run examples` builds this into examples/vue/dist/. Vue is told that checkin-* tags are
// custom elements, so it creates them as they are instead of looking for Vue components.
// `checkin-elements` resolves to the repository itself through its package.json "exports".
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [
    vue({
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('checkin-') } },
    }),
  ],
  build: { outDir: 'dist', emptyOutDir: true },
});
