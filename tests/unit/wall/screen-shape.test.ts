import { describe, expect, it } from 'vitest';
import { LayoutSchema } from '../../../common/wall/layout-schema.js';
import { windowShape } from '../../../common/wall/window-shape.js';
import { memoryLogger } from '../../../node-common/log.js';
import { WallCore } from '../../../electron/wall/wall-core.js';
import type { CoreClient } from '../../../electron/wall/client.js';
import { screen, wall } from './wall-fixtures.js';

// Screens that are not what they claim: a portrait screen in a landscape window, two pages as one screen.

const portrait = wall([screen('P1', { row: 0, col: 0 }, { rotation: 90 }), screen('L1', { row: 0, col: 1 })]);
const layout = LayoutSchema.parse({ schemaVersion: 1, id: 'empty', name: 'empty', wallId: 'test', panels: [] });
const page = (id: string, n = 1): CoreClient => ({ id: `${id}-${n}`, transport: 'browser', role: 'screen', screenId: id, send: () => undefined });

describe('window shape', () => {
  it('a rotated screen in a window of the unrotated shape is a fault naming how much of the window it fills', async () => {
    const core = new WallCore({ wall: portrait, layout, log: memoryLogger() });
    const p1 = page('P1');
    core.connect(p1);
    await core.handle(p1, 'screen:report', { screenId: 'P1', appliedRevision: core.state.revision, state: 'ready', viewport: { width: 1920, height: 1080 } });
    const status = () => core.screenStatuses.find((s) => s.screenId === 'P1');
    expect(status()).toMatchObject({ state: 'ready', shape: { window: { width: 1920, height: 1080 }, screen: { width: 1080, height: 1920 }, usedPercent: 31.6 } });
    // Rotated in the OS: the window turns portrait and the fault clears.
    await core.handle(p1, 'screen:report', { screenId: 'P1', appliedRevision: core.state.revision, state: 'ready', viewport: { width: 1080, height: 1920 } });
    expect(status()?.shape).toBeUndefined();
  });

  it('leaves a window of the right shape alone, whatever its size', () => {
    const core = new WallCore({ wall: portrait, layout, log: memoryLogger() });
    expect(windowShape(core.state, 'L1', { width: 960, height: 540 })?.usedPercent).toBe(100);
    expect(windowShape(core.state, 'L1', { width: 1920, height: 1040 })?.usedPercent).toBeGreaterThan(90);
    expect(windowShape(core.state, 'Z9', { width: 1920, height: 1080 })).toBeNull();
  });

  it('counts the pages open as one screen', () => {
    const core = new WallCore({ wall: portrait, layout, log: memoryLogger() });
    const first = core.connect(page('L1', 1));
    const second = core.connect(page('L1', 2));
    expect(core.screenStatuses.find((s) => s.screenId === 'L1')?.pages).toBe(2);
    second();
    expect(core.screenStatuses.find((s) => s.screenId === 'L1')).toMatchObject({ pages: 1, online: true });
    first();
    expect(core.screenStatuses.find((s) => s.screenId === 'L1')).toMatchObject({ pages: 0, online: false });
  });
});
