// Vite builds the app into the server's embed folder. No inline script or
// style ends up in index.html (the server's Content-Security-Policy allows
// neither), and no source map ships.
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  build: {
    outDir: '../internal/server/dist',
    emptyOutDir: false, // dist/README is committed; scripts/web-build.sh clears the old build
    assetsDir: 'assets',
    sourcemap: false,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0, // no data: URLs for assets
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080', '/watches/': 'http://127.0.0.1:8080' },
  },
});
