import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// One renderer bundle for Electron windows (app://) and web-host browsers (http://).
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // font-src and img-src allow 'self' only for fonts: never inline assets as data: URLs.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
});
