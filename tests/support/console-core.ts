import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LayoutSchema } from '../../common/wall/layout-schema.js';
import { WallSchema } from '../../common/wall/schema.js';
import type { CoreClient } from '../../electron/wall/client.js';
import { installConsoleServices, type ConsoleServices } from '../../electron/wall/console-services.js';
import { openDatabase, type AppDatabase } from '../../electron/wall/db/open.js';
import { memoryLogger } from '../../node-common/log.js';
import { WallCore } from '../../electron/wall/wall-core.js';

// A wall core with accounts, role checks and the audit log on a temporary database, and a fake clock.

export const CHEAP_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

export interface ConsoleCore {
  core: WallCore;
  db: AppDatabase;
  services: ConsoleServices;
  clock: { now: number };
  dir: string;
  console(id?: string, address?: string): CoreClient;
  screen(screenId: string): CoreClient;
  close(): void;
}

export function consoleCore(idleTimeoutMs = 30 * 60_000): ConsoleCore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-auth-'));
  const clock = { now: Date.parse('2026-10-20T08:00:00+07:00') };
  const now = () => clock.now;
  const log = memoryLogger();
  const opened = openDatabase(path.join(dir, 'wall.db'), { logger: log, now });
  if (!opened.ok) throw new Error(opened.error.message);
  const db = opened.value;
  const wall = WallSchema.parse(JSON.parse(fs.readFileSync('config/walls/demo-2x2.json', 'utf8')));
  const layout = LayoutSchema.parse(JSON.parse(fs.readFileSync('config/layouts/demo-2x2-normal.json', 'utf8')));
  db.walls.upsert(wall);
  const core = new WallCore({ wall, layout, log, now });
  const services = installConsoleServices(core, db, log, { idleTimeoutMs, now, scrypt: CHEAP_SCRYPT });
  const connect = (client: CoreClient) => (core.connect(client), client);
  return {
    core,
    db,
    services,
    clock,
    dir,
    console: (id = 'console-1', address) =>
      connect({ id, transport: 'browser', role: 'console', ...(address ? { address } : {}), send: () => undefined }),
    screen: (screenId) => connect({ id: `screen-${screenId}`, transport: 'browser', role: 'screen', screenId, send: () => undefined }),
    close() {
      services.close();
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The administrator "quantri", an operator "vanhanh" and a leader "lanhdao" (passwords `<username>-mat-khau`). */
export async function addPeople(t: ConsoleCore): Promise<void> {
  const admin = t.console('c-admin');
  await t.core.handle(admin, 'auth:setup', { username: 'quantri', displayName: 'Quản trị', password: 'quan-tri-mat-khau' });
  for (const [username, role] of [['vanhanh', 'operator'], ['lanhdao', 'leader']]) {
    await t.core.handle(admin, 'accounts:create', { username, displayName: `Người ${username}`, role, password: `${username}-mat-khau` });
  }
}

/** A console signed in as one of addPeople's people; throws when the sign-in fails. */
export async function signedIn(t: ConsoleCore, username: string): Promise<CoreClient> {
  const c = t.console(`c-${username}`);
  const r = await t.core.handle(c, 'auth:login', { username, password: `${username}-mat-khau` });
  if (!r.ok) throw new Error(`${username} could not sign in: ${r.error.message}`);
  return c;
}
