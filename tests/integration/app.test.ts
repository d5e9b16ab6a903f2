import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, StartupError, type RunningApp } from '../../electron/startup/app.js';
import { memoryLogger } from '../../node-common/log.js';

const demoWall = fs.readFileSync('config/walls/demo-2x2.json', 'utf8');
const demoLayout = fs.readFileSync('config/layouts/demo-2x2-normal.json', 'utf8');
const running: RunningApp[] = [];

function folder() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-app-'));
  fs.mkdirSync(path.join(dir, 'walls'));
  fs.mkdirSync(path.join(dir, 'layouts'));
  fs.writeFileSync(path.join(dir, 'walls', 'demo-2x2.json'), demoWall);
  fs.writeFileSync(path.join(dir, 'layouts', 'demo-2x2-normal.json'), demoLayout);
  return { dir, wallFile: path.join(dir, 'walls', 'demo-2x2.json'), dbFile: path.join(dir, 'data', 'wall.db') };
}

async function start(opts: { wallFile: string; dbFile: string; watch?: boolean; log?: ReturnType<typeof memoryLogger> }) {
  const app = await startApp({ ...opts, log: opts.log ?? memoryLogger() });
  running.push(app);
  return app;
}

function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = () => (check() ? resolve() : Date.now() > end ? reject(new Error('condition not met in time')) : setTimeout(tick, 25));
    tick();
  });
}

afterEach(async () => {
  for (const app of running.splice(0)) await app.close();
});

describe('startApp', () => {
  it('starts on the demo wall and its normal layout, found beside the walls folder', async () => {
    const f = folder();
    const app = await start({ ...f, watch: false });
    expect(app.core.state.wall.id).toBe('demo-2x2');
    expect(app.core.state.layout.id).toBe('demo-2x2-normal');
    expect(app.db.walls.get('demo-2x2')?.screens).toHaveLength(4);
  });

  it('refuses to start on a bad wall with nothing good to fall back on, naming the field', async () => {
    const f = folder();
    fs.writeFileSync(f.wallFile, demoWall.replace('"bezelCompensation": true', '"bezelCompensation": "yes"'));
    await expect(start({ ...f, watch: false })).rejects.toThrow(StartupError);
    await expect(start({ ...f, watch: false })).rejects.toThrow(/bezelCompensation/);
  });

  it('shows the last good wall and reports the problem when the file went bad between runs', async () => {
    const f = folder();
    await (await start({ ...f, watch: false })).close();
    running.length = 0;
    fs.writeFileSync(f.wallFile, '{ "schemaVersion": 1, ');
    const app = await start({ ...f, watch: false });
    expect(app.core.state.wall.screens.map((s) => s.id)).toEqual(['A1', 'A2', 'B1', 'B2']);
    expect(app.core.state.problems[0]?.message).toMatch(/not valid JSON at line 1/);
  });

  it('never falls back to another wall: a bad file on a database that holds a different wall stops the start', async () => {
    const f = folder();
    await (await start({ ...f, watch: false })).close();
    running.length = 0;
    const other = path.join(f.dir, 'walls', 'room-b.json');
    fs.writeFileSync(other, demoWall.replace('"id": "demo-2x2"', '"id": "room-b"').replace('"position": { "row": 0, "col": 0 }', '"position": { "row": 0, "col": 0 }, "rotation": 45'));
    const error = await start({ wallFile: other, dbFile: f.dbFile, watch: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect(String(error)).toMatch(/room-b\.json: screens\[\d\]\.rotation: .*expected one of 0\|90\|180\|270/);
    expect(String(error)).toMatch(/no earlier good version of this wall file/);
  });

  it('stops on a bad layout file with no good version, naming file, field and the allowed values', async () => {
    const f = folder();
    const layoutFile = path.join(f.dir, 'layouts', 'demo-2x2-normal.json');
    fs.writeFileSync(layoutFile, demoLayout.replace(/"type": "clock"/, '"type": "clocks"'));
    const error = await start({ ...f, watch: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect(String(error)).toMatch(/demo-2x2-normal\.json › panels\[\d+\]\.type|demo-2x2-normal\.json: panels\[\d+\]\.type/);
    expect(String(error)).toMatch(/unknown panel type "clocks"; known types: .*clock/);
  });

  it('shows the last good version of a layout file that went bad between runs, and says so in the log and on the console', async () => {
    const f = folder();
    await (await start({ ...f, watch: false })).close();
    running.length = 0;
    fs.writeFileSync(path.join(f.dir, 'layouts', 'demo-2x2-normal.json'), '{ "schemaVersion": 1, "panels": [');
    const log = memoryLogger();
    const app = await start({ ...f, watch: false, log });
    expect(app.core.state.layout.id).toBe('demo-2x2-normal');
    expect(app.core.state.layout.panels.length).toBeGreaterThan(0);
    expect(app.core.state.problems[0]?.message).toMatch(/demo-2x2-normal\.json: not valid JSON at line 1/);
    expect(log.lines.some((l) => l.level === 'warn' && /layout file is bad/.test(l.msg))).toBe(true);
  });

  it('keeps the console toggles (language, bezel compensation) across restarts', async () => {
    const f = folder();
    const first = await start({ ...f, watch: false });
    const console_ = { id: 'c', transport: 'browser' as const, role: 'console' as const, send: () => undefined };
    first.core.connect(console_);
    expect(await first.core.handle(console_, 'auth:setup', { username: 'admin', displayName: 'Quản trị', password: 'mot-mat-khau-dai' })).toMatchObject({ ok: true });
    expect(await first.core.handle(console_, 'settings:setLanguage', { language: 'en' })).toMatchObject({ ok: true });
    expect(await first.core.handle(console_, 'wall:setBezelCompensation', { enabled: false })).toMatchObject({ ok: true });
    await first.close();
    running.length = 0;
    const second = await start({ ...f, watch: false });
    expect(second.core.state.language).toBe('en');
    expect(second.core.state.wall.bezelCompensation).toBe(false);
    // Accounts are kept too, and an unsigned console may not change the wall.
    const other = { id: 'd', transport: 'browser' as const, role: 'console' as const, send: () => undefined };
    second.core.connect(other);
    expect(await second.core.handle(other, 'auth:status', {})).toEqual({ ok: true, value: { needsSetup: false, session: null } });
    expect(await second.core.handle(other, 'wall:setIdentify', { enabled: true })).toMatchObject({ ok: false, error: { code: 'auth/not-signed-in' } });
  });

  it('applies a good edit of the wall file live and refuses a bad one, keeping the last good wall', async () => {
    const f = folder();
    const app = await start(f);
    const renamed = demoWall.replace('"Màn hình 1"', '"Màn hình Một"');
    fs.writeFileSync(f.wallFile, renamed);
    await until(() => app.core.state.wall.screens[0]?.name === 'Màn hình Một');

    const good = app.core.state.wall;
    fs.writeFileSync(f.wallFile, renamed.replace('"row": 1, "col": 1', '"row": 0, "col": 1'));
    await until(() => app.core.state.problems.length > 0);
    expect(app.core.state.wall).toBe(good);
    expect(app.core.state.problems[0]?.message).toMatch(/grid cell row 0, col 1/);

    fs.writeFileSync(f.wallFile, renamed);
    await until(() => app.core.state.problems.length === 0);
  });
});

describe('startApp while a scenario is active', () => {
  it('keeps the scenario layout when the wall file is edited, and takes the wall change', async () => {
    const f = folder();
    const app = await start(f);
    const flood = { ...app.core.state.layout, id: 'flood-layout', name: 'Lũ lụt', panels: app.core.state.layout.panels.slice(0, 1) };
    const now = Date.now();
    app.core.applyScenario(
      { id: 'flood', name: { vi: 'Ứng phó lũ lụt', en: 'Flood response' }, severity: 'emergency', revision: 1, activatedBy: { name: 'Lãnh đạo', role: 'leader' }, source: 'console', activatedAt: now, applyAt: now, local: false },
      flood,
    );
    expect(app.core.state.layout.id).toBe('flood-layout');
    fs.writeFileSync(f.wallFile, demoWall.replace('"Màn hình 2"', '"Màn hình Hai"'));
    await until(() => app.core.state.wall.screens[1]?.name === 'Màn hình Hai');
    expect(app.core.state.layout.id).toBe('flood-layout');
    expect(app.core.state.scenario?.id).toBe('flood');
  });
});
