// Build of everything under dist/web: the demo shop page (served at /), the inbox SPA
// (/inbox/), the supervisor dashboard (/dashboard/) and, through a second Vite build started when this one finishes, the
// stable-named widget (/widget.js). One config, so `npm run build:web` stays one command.

import { fileURLToPath } from 'node:url';
import { build, defineConfig } from 'vite';
import type { Plugin } from 'vite';
import widgetConfig from './vite.widget.config.ts';

/** Serves the demo page as the site root: demo/index.html → index.html. */
function demoAtRoot(): Plugin {
  return {
    name: 'baton:demo-at-root',
    enforce: 'post', // after Vite's HTML plugin has emitted the page
    generateBundle(_options, bundle) {
      // The demo page has no module script; drop the source map of its empty chunk.
      for (const name of Object.keys(bundle)) {
        if (/^assets\/demo-.*\.js\.map$/.test(name)) delete bundle[name];
      }
      const page = bundle['demo/index.html'];
      if (!page) return;
      delete bundle['demo/index.html'];
      page.fileName = 'index.html';
      bundle['index.html'] = page;
    },
  };
}

/** Builds the widget after the pages, into the same folder. */
function widgetBuild(): Plugin {
  return {
    name: 'baton:widget-build',
    apply: 'build',
    async closeBundle() {
      await build({ ...widgetConfig, configFile: false });
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: false,
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  plugins: [demoAtRoot(), widgetBuild()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      input: {
        demo: fileURLToPath(new URL('./demo/index.html', import.meta.url)),
        inbox: fileURLToPath(new URL('./inbox/index.html', import.meta.url)),
        dashboard: fileURLToPath(new URL('./dashboard/index.html', import.meta.url)),
      },
    },
  },
  server: {
    // `vite --config web/vite.config.ts` for inbox work against a running Baton.
    proxy: { '/api': { target: 'http://localhost:3000', ws: true } },
  },
});
