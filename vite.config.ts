import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// Map data (assets/map, replaceable without touching code) is served at /map/<file>.
const mapDir = fileURLToPath(new URL('./assets/map', import.meta.url));
function mapData(): Plugin {
  const files = () => fs.readdirSync(mapDir).filter((f) => /\.(geo)?json$/.test(f));
  return {
    name: 'toan-canh-map-data',
    generateBundle() {
      for (const f of files()) this.emitFile({ type: 'asset', fileName: `map/${f}`, source: fs.readFileSync(path.join(mapDir, f)) });
    },
    configureServer(server) {
      server.middlewares.use('/map', (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '').replace(/^\//, '').split('?')[0] ?? '');
        if (!files().includes(name)) return next();
        res.setHeader('Content-Type', 'application/geo+json');
        res.end(fs.readFileSync(path.join(mapDir, name)));
      });
    },
  };
}

// One renderer bundle for Electron windows (app://) and web-host browsers (http://).
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: '/',
  plugins: [react(), mapData()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // font-src and img-src allow 'self' only for fonts: never inline assets as data: URLs.
    assetsInlineLimit: 0,
    // deck.gl and hls.js are chunks of their own, loaded when a layout has a map or a camera (renderer/ui/loadable.tsx).
    chunkSizeWarningLimit: 700,
    sourcemap: true,
  },
});
