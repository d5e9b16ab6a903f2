import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportLayout, importLayout } from '../../../common/editor/import-layout.js';
import { demo } from '../wall/wall-fixtures.js';

const good = fs.readFileSync('config/layouts/demo-2x2-normal.json', 'utf8');

describe('importing a layout', () => {
  it('takes a good file, and what it exports imports again unchanged', () => {
    const first = importLayout(good, demo());
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const again = importLayout(exportLayout(first.layout), demo());
    expect(again).toEqual(first);
    expect(importLayout(`\uFEFF${good}`, demo()).ok).toBe(true); // a BOM from a Windows editor
  });

  it('lists every problem with its path, and takes nothing', () => {
    const json = JSON.parse(good) as { wallId: string; panels: Array<Record<string, unknown>> };
    json.wallId = 'other-wall';
    json.panels[0]!.type = 'video';
    (json.panels[1]!.props as Record<string, unknown>).color = 'red';
    json.panels[2]!.rect = { x: 9000, y: 9000, width: 10, height: 10 };
    json.panels[3]!.id = json.panels[4]!.id;
    json.panels[4]!.speed = 3;
    const result = importLayout(JSON.stringify(json), demo());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['panels[0].type', 'panels[1].props.color', 'panels[4]', 'wallId', 'panels[2].rect', 'panels[4].id']));
    expect(result.problems.find((p) => p.path === 'wallId')?.message).toContain('"other-wall"');
    expect(result.problems.find((p) => p.path === 'panels[2].rect')?.message).toContain('outside the wall');
  });

  it('says where a JSON syntax error is', () => {
    const result = importLayout('{\n  "schemaVersion": 1,\n  "id": "x",,\n}', demo());
    expect(result).toMatchObject({ ok: false, problems: [{ path: '(file)', message: expect.stringMatching(/^not valid JSON at line 3, column \d+/) }] });
  });
});
