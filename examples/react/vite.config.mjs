// `npm run examples` builds this into examples/react/dist/ (relative URLs, so the test can
// serve it from any folder). `checkin-elements` resolves to the repository itself through its
// package.json "exports" (a package may import itself by name), i.e. to the built dist/.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
});
