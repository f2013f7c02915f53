// Build of the embeddable widget: one self-contained classic script with a stable name
// (dist/web/widget.js), so host pages can embed it with a plain <script src> that never
// changes. IIFE keeps every identifier out of the host page's global scope.

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webDir = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webDir,
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: false, // the app build has just written the pages next to it
    target: 'es2022',
    modulePreload: false,
    sourcemap: true,
    rollupOptions: {
      input: fileURLToPath(new URL('./widget/main.ts', import.meta.url)),
      output: { format: 'iife', entryFileNames: 'widget.js' },
    },
  },
});
