import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataEntry } from '../../../common/protocol/data.js';
import type { Layout } from '../../../common/wall/layout-schema.js';
import { startApp, type RunningApp } from '../../../electron/startup/app.js';
import { createLogger } from '../../../node-common/log.js';
import { startWebHost, type WebHost } from '../../../electron/web-host/web-host.js';

// The web host started inside the test process, for specs that feed the wall's data cache: values go in
// through WallCore.publishData — where the backend link delivers the hub's data — and reach the pages
// over the same WebSocket feed events as in production. Layouts are swapped through the core too.

export interface InProcessWall {
  app: RunningApp;
  host: WebHost;
  screenUrl(id: string): string;
  publish(entries: DataEntry[]): void;
  /** Show `layout` on every screen; returns the state revision that carries it. */
  showLayout(layout: Layout): number;
  close(): Promise<void>;
}

export async function startInProcessWall(layout: Layout, wallChanges: Record<string, unknown> = {}): Promise<InProcessWall> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toan-canh-e2e-panels-'));
  const wall = { ...(JSON.parse(fs.readFileSync('config/walls/demo-2x2.json', 'utf8')) as object), ...wallChanges };
  const wallFile = path.join(dir, 'wall.json');
  const layoutFile = path.join(dir, 'layout.json');
  fs.writeFileSync(wallFile, JSON.stringify(wall));
  fs.writeFileSync(layoutFile, JSON.stringify(layout));
  const log = createLogger('e2e', undefined, (process.env.E2E_LOG as 'info') ?? 'error');
  const app = await startApp({ wallFile, layoutFile, dbFile: path.join(dir, 'wall.db'), log, watch: false });
  const host = await startWebHost({ core: app.core, port: 0, staticDir: path.resolve('dist/renderer'), tokens: { console: 'console-token-0123456789', screen: 'screen-token-0123456789' }, log });
  return {
    app,
    host,
    screenUrl: (id) => host.urls.screens.find((s) => s.screenId === id)!.url,
    publish: (entries) => app.core.publishData(entries),
    showLayout: (next) => app.core.replaceWall(app.core.state.wall, next),
    async close() {
      await host.close();
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
