import { describe, expect, it } from 'vitest';
import { WallSchema } from '../../../common/wall/schema.js';
import type { LayoutInput } from '../../../common/wall/layout-schema.js';
import { panelPropsIssues, panelTypes, parsePanelProps } from '../../../common/panels/registry.js';
import { validateLayout, validateWall } from '../../../electron/startup/config-loader.js';
import demoLayout from '../../../config/layouts/demo-2x2-normal.json' with { type: 'json' };
// The first demo layout, kept as a fixture: the error paths below name its panels by index.
import basicLayout from '../fixtures/basic-2x2-layout.json' with { type: 'json' };
import { demo, demoWallJson, screen } from './wall-fixtures.js';

const layoutJson = (): LayoutInput => structuredClone(basicLayout) as LayoutInput;

function wallError(edit: (json: ReturnType<typeof demoWallJson>) => void): string {
  const json = demoWallJson();
  edit(json);
  const result = validateWall(json);
  if (result.ok) throw new Error('expected the wall to be rejected');
  return result.error.message;
}
function layoutError(edit: (json: LayoutInput) => void): string {
  const json = layoutJson();
  edit(json);
  const result = validateLayout(json, demo());
  if (result.ok) throw new Error('expected the layout to be rejected');
  return result.error.message;
}

describe('demo config', () => {
  it('parses the demo wall, filling in rotation', () => {
    const wall = WallSchema.parse(demoWallJson());
    expect(wall.screens.map((s) => [s.id, s.number, s.rotation])).toEqual([['A1', 1, 0], ['A2', 2, 0], ['B1', 3, 0], ['B2', 4, 0]]);
    expect(validateWall(demoWallJson())).toEqual({ ok: true, value: wall });
  });

  it('parses the demo layout, it fits the demo wall, and it shows every panel type', () => {
    const result = validateLayout(structuredClone(demoLayout) as LayoutInput, demo());
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
    const types = new Set(result.ok ? result.value.panels.map((p) => p.type) : []);
    expect(panelTypes().filter((t) => !types.has(t))).toEqual([]);
  });

  it('parses the first demo layout and it fits the demo wall', () => {
    const result = validateLayout(layoutJson(), demo());
    expect(result.ok && result.value.panels.map((p) => [p.id, p.type, p.z])).toEqual([
      ['backdrop', 'pattern', 0], ['banner', 'text', 2], ['clock', 'clock', 2], ['note', 'text', 2], ['status-strip', 'solid', 1],
    ]);
  });

  it('fills panel prop defaults', () => {
    expect(parsePanelProps('text', { text: 'Mực nước' })).toEqual({
      text: 'Mực nước', color: '#ffffff', background: '#00000000', fontSize: 64, align: 'center',
    });
    expect(parsePanelProps('clock', {})?.timeZone).toBe('Asia/Ho_Chi_Minh');
  });
});

describe('bad walls name the field', () => {
  it('overlapping screens', () => {
    expect(wallError((j) => { j.screens[1]!.position = { x: 1000, y: 0 }; })).toBe(
      'screens[1].position: screens A1 and A2 overlap on the canvas; move A2 so the two do not cover the same pixels',
    );
  });

  it('a bezel wider than the screen', () => {
    expect(wallError((j) => { j.screens[2]!.bezelMm.left = 900; j.screens[2]!.bezelMm.right = 400; })).toBe(
      'screens[2].bezelMm: left + right bezel (1300 mm) must be less than the active width (1209.6 mm); bezels are the frame width of one edge, usually 0.5–10 mm',
    );
  });

  it('zero or negative sizes', () => {
    expect(wallError((j) => { j.screens[0]!.resolution.width = 0; })).toBe('screens[0].resolution.width: Too small: expected number to be >0');
    // Only the size is reported: the bezel check is skipped when the size it compares with is bad.
    expect(wallError((j) => { j.screens[3]!.activeAreaMm.height = -680.4; })).toBe(
      'screens[3].activeAreaMm.height: Too small: expected number to be >0',
    );
  });

  it('a misspelt field', () => {
    expect(wallError((j) => { Object.assign(j.screens[1]!, { bezelMM: j.screens[1]!.bezelMm }); })).toBe(
      'screens[1]: unknown field "bezelMM"; check its spelling (names are case-sensitive) or remove it',
    );
    const renamed = (j: ReturnType<typeof demoWallJson>) => {
      const { activeAreaMm, ...rest } = j.screens[1]!;
      j.screens[1] = { ...rest, active_area_mm: activeAreaMm } as never;
    };
    expect(wallError(renamed)).toBe('screens[1]: unknown field "active_area_mm"; did you mean "activeAreaMm"?');
    expect(wallError((j) => { Object.assign(j, { bezelCompensaton: false }); })).toBe(
      '(root): unknown field "bezelCompensaton"; check its spelling (names are case-sensitive) or remove it',
    );
  });

  it('a half-written grid position names the missing field', () => {
    expect(wallError((j) => { j.screens[0]!.position = { row: 0 } as never; })).toBe(
      'screens[0].position.col: Invalid input: expected number, received undefined',
    );
  });

  it('a bad screen id and rotation', () => {
    expect(wallError((j) => { j.screens[0]!.id = 'A 1'; })).toBe('screens[0].id: use 1–32 letters, digits, "-" or "_" (e.g. "A1")');
    expect(wallError((j) => { j.screens[0]!.rotation = 45 as never; })).toMatch(/^screens\[0\]\.rotation: /);
  });

  it('the schema alone accepts what only geometry can catch', () => {
    const json = demoWallJson();
    json.screens[1] = screen('A1', { row: 0, col: 0 });
    expect(WallSchema.safeParse(json).success).toBe(true);
    const result = validateWall(json);
    expect(!result.ok && result.error.code).toBe('config/geometry');
  });
});

describe('bad layouts name the field', () => {
  it('an unknown panel type', () => {
    expect(layoutError((j) => { j.panels[1]!.type = 'video'; })).toBe(
      `panels[1].type: unknown panel type "video"; known types: ${panelTypes().join(', ')}`,
    );
  });

  it('a bad colour', () => {
    expect(layoutError((j) => { j.panels[4]!.props = { color: 'red' }; })).toBe('panels[4].props.color: use a hex colour such as "#0b3d91"');
    expect(panelPropsIssues('text', { text: 'x', background: '#12345' })).toEqual([
      { path: ['background'], message: 'use a hex colour such as "#0b3d91"' },
    ]);
  });

  it('a misspelt prop and a misspelt panel field', () => {
    // Props issues arrive re-wrapped by the layout schema, so they keep zod's own wording.
    expect(layoutError((j) => { j.panels[4]!.props = { colour: '#ffffff' }; })).toBe('panels[4].props: Unrecognized key: "colour"');
    expect(layoutError((j) => { Object.assign(j.panels[0]!, { zIndex: 3 }); })).toBe(
      'panels[0]: unknown field "zIndex"; check its spelling (names are case-sensitive) or remove it',
    );
  });

  it('a zero-size panel', () => {
    expect(layoutError((j) => { j.panels[2]!.rect.height = 0; })).toBe('panels[2].rect.height: Too small: expected number to be >0');
  });

  it('a duplicate panel id', () => {
    expect(layoutError((j) => { j.panels[3]!.id = 'banner'; })).toBe('panels[3].id: duplicate panel id "banner"; give each panel its own id');
  });

  it('a layout for another wall, and a panel off the canvas', () => {
    expect(layoutError((j) => { j.wallId = 'tinh-3x9'; })).toBe(
      'wallId: layout is for wall "tinh-3x9" but the wall is "demo-2x2"; set wallId to "demo-2x2" or load the matching wall',
    );
    expect(layoutError((j) => { j.panels[2]!.rect = { x: 3846, y: 0, width: 100, height: 100 }; })).toBe(
      'panels[2].rect: panel "clock" (100×100 at 3846, 0) is entirely outside the wall canvas (3846×2166); move it inside',
    );
    const partly = layoutJson();
    partly.panels[2]!.rect = { x: 3845, y: -50, width: 100, height: 100 };
    expect(validateLayout(partly, demo()).ok).toBe(true);
  });
});
